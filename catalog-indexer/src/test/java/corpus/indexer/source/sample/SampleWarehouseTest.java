package corpus.indexer.source.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleWarehouseTest {

  @Test
  void generatesTheWarehouseTheDocsAndThePipelinesWithAVersionFile() throws Exception {
    SampleLayout layout = SampleFixture.layout();

    assertThat(layout.warehouse()).isRegularFile().hasFileName("warehouse.duckdb");
    assertThat(layout.docsDir().resolve("soundwave-prod.creator.daily_creator_metrics.md")).isRegularFile();
    assertThat(layout.pipelinesDir().resolve("soundwave-prod/creator/daily_creator_metrics/query.sql")).isRegularFile();
    assertThat(layout.pipelineTemplate()).isEqualTo("{project}/{dataset}/{table}/query.sql");
    assertThat(layout.project()).isEqualTo("soundwave-prod");
    assertThat(Files.readString(layout.warehouse().resolveSibling("VERSION"))).startsWith("generator ");
    assertThat(layout.docsSpec()).isEqualTo("docs:" + layout.docsDir());
    assertThat(layout.pipelinesSpec()).endsWith("@{project}/{dataset}/{table}/query.sql");
  }

  @Test
  void reportsProgressPerStage() throws Exception {
    assertThat(SampleFixture.stages()).contains("staging", "datasets", "tables", "rows");
  }

  @Test
  void returnsAtOnceWithoutTouchingACurrentSample() throws Exception {
    SampleLayout layout = SampleFixture.layout();
    FileTime before = Files.getLastModifiedTime(layout.warehouse());
    List<String> stages = new ArrayList<>();

    long start = System.nanoTime();
    SampleLayout again = SampleWarehouse.ensure(layout.warehouse().getParent(), (s, d, t) -> stages.add(s));

    assertThat(again).isEqualTo(layout);
    assertThat(stages).isEmpty();
    assertThat(Files.getLastModifiedTime(layout.warehouse())).isEqualTo(before);
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
  }

  @Test
  void aFailedGenerationLeavesNeitherAHalfSampleNorTemporaryFiles(@TempDir Path home) throws Exception {
    Path dir = home.resolve("sample");

    assertThatThrownBy(() -> SampleWarehouse.ensure(dir, (stage, done, total) -> {
      if (stage.equals("tables") && done == 3) {
        throw new IllegalStateException("disk full");
      }
    })).hasMessageContaining("disk full");

    assertThat(dir).doesNotExist();
    try (Stream<Path> files = Files.list(home)) {
      assertThat(files.map(p -> p.getFileName().toString())).allMatch(n -> n.equals("sample.lock"));
    }
    assertThat(SampleWarehouse.isCurrent(dir)).isFalse();
  }
}
