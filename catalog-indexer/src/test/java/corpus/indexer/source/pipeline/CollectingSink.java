package corpus.indexer.source.pipeline;

import corpus.indexer.lineage.CatalogSchemas;
import corpus.indexer.model.Dataset;
import corpus.indexer.model.Doc;
import corpus.indexer.model.Pipeline;
import corpus.indexer.model.Problem;
import corpus.indexer.model.Table;
import corpus.indexer.model.TableUsage;
import corpus.lineage.SchemaProvider;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Keeps what a pipeline source reports and, like the indexer, knows the schemas of the tables it received. */
final class CollectingSink implements corpus.indexer.source.CatalogSink {

  final List<Table> tables = new ArrayList<>();
  final List<Pipeline> pipelines = new ArrayList<>();
  final List<Problem> problems = new ArrayList<>();

  @Override
  public void dataset(Dataset dataset) {}

  @Override
  public void table(Table table) {
    tables.add(table);
  }

  @Override
  public void doc(Doc doc) {}

  @Override
  public void usage(TableUsage usage) {}

  @Override
  public void pipeline(Pipeline pipeline) {
    pipelines.add(pipeline);
  }

  @Override
  public SchemaProvider schemas() {
    return id -> tables.stream().filter(t -> t.id().toString().equalsIgnoreCase(id)).reduce((a, b) -> b)
        .map(t -> CatalogSchemas.columns(t.schema()));
  }

  @Override
  public void problem(Problem problem) {
    problems.add(problem);
  }

  Pipeline pipeline(String id) {
    return pipelines.stream().filter(p -> p.id().equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError("no pipeline " + id + " in " + pipelines.stream().map(Pipeline::id).toList()));
  }

  Optional<Table> table(String id) {
    return tables.stream().filter(t -> t.id().toString().equals(id)).findFirst();
  }

  /** Problems as {@code fileName:line}, the way a user would look them up. */
  List<String> problemPlaces() {
    return problems.stream()
        .map(p -> Path.of(p.file()).getFileName() + ":" + p.line())
        .toList();
  }

  /** Target column → its source columns, over every statement of the pipeline. */
  static Map<String, List<String>> columns(Pipeline p) {
    return p.statements().stream().flatMap(s -> s.columns().stream())
        .collect(Collectors.toMap(c -> c.target(), c -> c.sources(), (a, b) -> a, java.util.LinkedHashMap::new));
  }

  static Path fixture(String name) {
    try {
      return Path.of(CollectingSink.class.getResource("/pipelines/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
