package corpus.indexer.source.bigquery;

import corpus.indexer.model.Dataset;
import corpus.indexer.model.Doc;
import corpus.indexer.model.Pipeline;
import corpus.indexer.model.Problem;
import corpus.indexer.model.Table;
import corpus.indexer.model.TableId;
import corpus.indexer.model.TableUsage;
import corpus.indexer.source.CatalogSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps what a crawl reports, and the names of the threads that called it. */
final class CollectingSink implements CatalogSink {

  final List<Dataset> datasets = new ArrayList<>();
  final List<Table> tables = new ArrayList<>();
  final List<TableUsage> usage = new ArrayList<>();
  final List<Problem> problems = new ArrayList<>();
  final List<Pipeline> pipelines = new ArrayList<>();
  final Set<String> threads = ConcurrentHashMap.newKeySet();

  @Override
  public void dataset(Dataset dataset) {
    threads.add(Thread.currentThread().getName());
    datasets.add(dataset);
  }

  @Override
  public void table(Table table) {
    threads.add(Thread.currentThread().getName());
    tables.add(table);
  }

  @Override
  public void doc(Doc doc) {
    threads.add(Thread.currentThread().getName());
  }

  @Override
  public void usage(TableUsage u) {
    threads.add(Thread.currentThread().getName());
    usage.add(u);
  }

  @Override
  public void pipeline(Pipeline pipeline) {
    threads.add(Thread.currentThread().getName());
    pipelines.add(pipeline);
  }

  @Override
  public void problem(Problem problem) {
    threads.add(Thread.currentThread().getName());
    problems.add(problem);
  }

  Table table(String id) {
    TableId tid = TableId.parse(id);
    return tables.stream().filter(t -> t.id().equals(tid)).findFirst()
        .orElseThrow(() -> new AssertionError("no table " + id + " in " + tables.stream().map(Table::id).toList()));
  }

  Dataset dataset(String id) {
    return datasets.stream().filter(d -> d.id().equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError("no dataset " + id));
  }
}
