package corpus.indexer.source.bigquery;

import com.google.api.gax.paging.Page;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQuery.DatasetListOption;
import com.google.cloud.bigquery.BigQuery.TableListOption;
import com.google.cloud.bigquery.DatasetId;
import com.google.cloud.bigquery.MaterializedViewDefinition;
import com.google.cloud.bigquery.StandardTableDefinition;
import com.google.cloud.bigquery.TableDefinition;
import com.google.cloud.bigquery.TableInfo;
import corpus.indexer.model.Dataset;
import corpus.indexer.model.PartitionStats;
import corpus.indexer.model.Problem;
import corpus.indexer.model.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The unit steps of a BigQuery crawl through the API: list a project's datasets, describe one
 * dataset and list its tables ({@code datasets.get}, {@code tables.list}, and the dataset's {@code
 * INFORMATION_SCHEMA.PARTITIONS} for its time-partitioned tables), and read a batch of tables in full
 * ({@code tables.get}). Each step is safe to run on a worker thread and turns
 * failures into {@link Problem}s instead of throwing.
 */
final class DatasetCrawler {

  /**
   * A dataset with the (partial) table resources of its listing, or the problem that stopped it; the
   * partition statistics of its time-partitioned tables by table name, or the problem that lost them.
   */
  record Listing(Dataset dataset, List<TableInfo> tables, Problem problem,
      Map<String, List<PartitionStats>> partitions, Problem partitionProblem) {}

  /** Tables read in full, and the problems met on the way. */
  record Batch(List<Table> tables, List<Problem> problems) {}

  private final BigQuery bigquery;
  private final Retrier retrier;
  private final String source;
  private final int pageSize;
  private final PartitionStatsReader partitionStats;

  /** @param partitionStats whether to query {@code INFORMATION_SCHEMA.PARTITIONS} (a billed job) per dataset */
  DatasetCrawler(BigQuery bigquery, Retrier retrier, String source, int pageSize, boolean partitionStats) {
    this.bigquery = bigquery;
    this.retrier = retrier;
    this.source = source;
    this.pageSize = pageSize;
    this.partitionStats = partitionStats ? new PartitionStatsReader(new QueryRows(bigquery, retrier, pageSize)) : null;
  }

  /** The datasets of a project as {@code datasets.list} gives them (id, location, labels). */
  List<Dataset> listDatasets(String project) throws InterruptedException {
    return retrier.call("listing the datasets of project " + project, () -> {
      List<Dataset> out = new ArrayList<>();
      Page<com.google.cloud.bigquery.Dataset> page =
          bigquery.listDatasets(project, DatasetListOption.pageSize(pageSize));
      while (page != null) {
        for (com.google.cloud.bigquery.Dataset d : page.getValues()) {
          out.add(TableMapper.dataset(d));
        }
        page = page.hasNextPage() ? page.getNextPage() : null;
      }
      return out;
    });
  }

  /** Reads the dataset's full resource and lists its tables; a failure keeps the listed dataset. */
  Listing describe(Dataset listed) throws InterruptedException {
    DatasetId id = DatasetId.of(listed.project(), listed.dataset());
    Dataset dataset = listed;
    try {
      com.google.cloud.bigquery.Dataset full =
          retrier.call("reading dataset " + listed.id(), () -> bigquery.getDataset(id));
      if (full != null) {
        dataset = TableMapper.dataset(full);
      }
      List<TableInfo> tables = listTables(id, "listing the tables of dataset " + listed.id());
      List<String> partitioned = tables.stream()
          .filter(t -> t.getDefinition() != null && timePartitioned(t.getDefinition()))
          .map(t -> t.getTableId().getTable()).toList();
      Map<String, List<PartitionStats>> stats = Map.of();
      Problem partitionProblem = null;
      if (partitionStats != null && !partitioned.isEmpty()) {
        try {
          stats = partitionStats.read(listed.project(), listed.dataset(), partitioned);
        } catch (BigQueryFailure e) {
          partitionProblem = new Problem(source, listed.id(), 0, "partition statistics skipped: " + e.getMessage());
        }
      }
      return new Listing(dataset, tables, null, stats, partitionProblem);
    } catch (BigQueryFailure e) {
      return new Listing(dataset, List.of(), new Problem(source, listed.id(), 0, e.getMessage()), Map.of(), null);
    }
  }

  private static boolean timePartitioned(TableDefinition def) {
    return switch (def) {
      case StandardTableDefinition std -> std.getTimePartitioning() != null;
      case MaterializedViewDefinition mv -> mv.getTimePartitioning() != null;
      default -> false;
    };
  }

  /** Lists all pages; each page is retried on its own, so a rate limit on page 40 costs one page. */
  private List<TableInfo> listTables(DatasetId id, String what) throws InterruptedException {
    List<TableInfo> out = new ArrayList<>();
    Page<com.google.cloud.bigquery.Table> page =
        retrier.call(what, () -> bigquery.listTables(id, TableListOption.pageSize(pageSize)));
    while (page != null) {
      for (com.google.cloud.bigquery.Table t : page.getValues()) {
        out.add(t);
      }
      Page<com.google.cloud.bigquery.Table> current = page;
      page = current.hasNextPage() ? retrier.call(what, current::getNextPage) : null;
    }
    return out;
  }

  /**
   * Reads each table in full. A table that cannot be read is still reported from its listing
   * (without schema) together with a problem naming it; one that vanished since the listing is
   * only a problem.
   */
  Batch fetch(List<TableInfo> listed, String datasetLocation, Map<String, List<PartitionStats>> partitions)
      throws InterruptedException {
    List<Table> tables = new ArrayList<>(listed.size());
    List<Problem> problems = new ArrayList<>();
    for (TableInfo item : listed) {
      String name = TableMapper.id(item.getTableId()).toString();
      try {
        com.google.cloud.bigquery.Table full =
            retrier.call("reading table " + name, () -> bigquery.getTable(item.getTableId()));
        if (full == null) {
          problems.add(new Problem(source, name, 0, "table disappeared during the crawl"));
        } else {
          Table table = TableMapper.table(full, datasetLocation);
          List<PartitionStats> stats = partitions.get(item.getTableId().getTable());
          tables.add(stats == null ? table : table.toBuilder().partitions(stats).build());
        }
      } catch (BigQueryFailure e) {
        problems.add(new Problem(source, name, 0, e.getMessage()));
        if (e.kind() != BigQueryFailure.Kind.NOT_FOUND) {
          tables.add(TableMapper.table(item, datasetLocation));
        }
      }
    }
    return new Batch(tables, problems);
  }
}
