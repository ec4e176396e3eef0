package corpus.indexer.source.sample;

import static org.assertj.core.api.Assertions.assertThat;

import corpus.lineage.AnalysisContext;
import corpus.lineage.SqlAnalyzer;
import corpus.lineage.StatementLineage;
import corpus.lineage.zetasql.ZetaSqlAnalyzer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The sample's pipelines are BigQuery SQL that the lineage analyser reads without errors. */
class SamplePipelinesTest {

  private final SqlAnalyzer analyzer = new ZetaSqlAnalyzer();

  @Test
  void everyPipelineAnalysesWithoutErrorsAndTouchesOnlySampleTables() throws Exception {
    SampleLayout layout = SampleFixture.layout();
    Set<String> ids = SampleFixture.crawl().tables.stream().map(t -> t.id().toString()).collect(Collectors.toSet());
    List<Path> files;
    try (Stream<Path> walk = Files.walk(layout.pipelinesDir())) {
      files = walk.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
    }

    for (Path file : files) {
      List<StatementLineage> statements = analyzer.analyze(Files.readString(file), AnalysisContext.empty());
      assertThat(statements).as(file.toString()).isNotEmpty().allSatisfy(s -> {
        assertThat(s.error()).as(file + ":" + s.line()).isNull();
        assertThat(ids).containsAll(s.sources()).containsAll(s.targets());
      });
    }
  }

  @Test
  void theJobHistoryOfEachPipelineReferencesTheTablesItsSqlReads() throws Exception {
    Map<String, Set<String>> read = new TreeMap<>();
    Map<String, Set<String>> referenced = new TreeMap<>();
    for (TableSpec t : SampleResources.spec().tables()) {
      if (t.pipeline() == null) {
        continue;
      }
      Set<String> sources = new TreeSet<>();
      for (StatementLineage s : analyzer.analyze(SampleResources.read("pipelines/" + t.pipeline()), AnalysisContext.empty())) {
        sources.addAll(s.sources());
      }
      sources.remove(t.id().toString());
      read.put(t.pipeline(), sources);
      referenced.put(t.pipeline(), new TreeSet<>(t.sources()));
    }

    assertThat(referenced).isEqualTo(read);
  }
}
