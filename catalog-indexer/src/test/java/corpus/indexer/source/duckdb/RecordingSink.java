package corpus.indexer.source.duckdb;

import corpus.indexer.model.Dataset;
import corpus.indexer.model.Doc;
import corpus.indexer.model.Problem;
import corpus.indexer.model.Table;
import corpus.indexer.model.TableUsage;
import corpus.indexer.source.CatalogSink;
import java.util.ArrayList;
import java.util.List;

/** A sink that keeps everything a source reports, for tests to look at. */
public class RecordingSink implements CatalogSink {

  public final List<Dataset> datasets = new ArrayList<>();
  public final List<Table> tables = new ArrayList<>();
  public final List<TableUsage> usage = new ArrayList<>();
  public final List<Problem> problems = new ArrayList<>();

  @Override
  public void dataset(Dataset dataset) {
    datasets.add(dataset);
  }

  @Override
  public void table(Table table) {
    tables.add(table);
  }

  @Override
  public void doc(Doc doc) {}

  @Override
  public void usage(TableUsage u) {
    usage.add(u);
  }

  @Override
  public void problem(Problem problem) {
    problems.add(problem);
  }

  /** The table with id {@code p.d.t}. */
  public Table table(String id) {
    return tables.stream()
        .filter(t -> t.id().toString().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no table " + id + " was crawled"));
  }
}
