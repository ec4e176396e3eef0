package corpus.indexer.warehouse;

import corpus.indexer.model.Field;
import corpus.indexer.model.Table;
import corpus.indexer.source.bigquery.BigQueryWarehouse;
import corpus.indexer.source.bigquery.ResultPage;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * BigQuery as a {@link Warehouse}: the dry run is the truth about bytes (shown beside the rules-based figure
 * when they differ), sizes are estimated from the crawled metadata, queries run with {@code maximumBytesBilled}
 * and a read-only guard, previews use the free {@code tabledata.list}. Values arrive as display strings.
 */
public final class BigQueryWarehouseAdapter implements Warehouse {
  private static final int PAGE = 1000;

  private final BigQueryWarehouse bigquery;
  private final String project;

  public BigQueryWarehouseAdapter(BigQueryWarehouse bigquery, String project) {
    this.bigquery = bigquery;
    this.project = project;
  }

  @Override
  public String description() {
    return "BigQuery (" + project + ")";
  }

  @Override
  public boolean exactSizes() {
    return false;
  }

  @Override
  public Optional<TableSizes> sizes(Table table) {
    return MetadataSizes.estimate(table);
  }

  @Override
  public Optional<Long> dryRunBytes(String sql) throws IOException, InterruptedException {
    try {
      return Optional.of(bigquery.dryRun(sql).bytesProcessed());
    } catch (RuntimeException e) {
      throw new IOException("BigQuery dry run failed: " + e.getMessage(), e);
    }
  }

  @Override
  public LocalDate today() {
    return LocalDate.now(ZoneOffset.UTC);
  }

  @Override
  public boolean canRun() {
    return true;
  }

  @Override
  public QueryResult run(String sql, long maxBytesBilled, int maxRows) throws IOException, InterruptedException {
    long started = System.nanoTime();
    try {
      ResultPage page = bigquery.run(sql, maxBytesBilled, Math.min(PAGE, maxRows));
      List<List<Object>> rows = new ArrayList<>(page.rows().size());
      page.rows().forEach(r -> rows.add(new ArrayList<>(r)));
      while (page.hasNextPage() && rows.size() < maxRows) {
        page = bigquery.nextPage(page, Math.min(PAGE, maxRows - rows.size()));
        page.rows().forEach(r -> rows.add(new ArrayList<>(r)));
      }
      return new QueryResult(columns(page.schema()), rows, page.totalRows(), page.bytesProcessed(),
          page.bytesBilled(), (System.nanoTime() - started) / 1_000_000);
    } catch (RuntimeException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  @Override
  public QueryResult preview(Table table, int maxRows) throws IOException, InterruptedException {
    try {
      ResultPage page = bigquery.preview(table.id(), maxRows);
      List<List<Object>> rows = new ArrayList<>();
      page.rows().forEach(r -> rows.add(new ArrayList<>(r)));
      return new QueryResult(columns(page.schema()), rows, page.totalRows(), 0, 0, 0);
    } catch (RuntimeException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  private static List<QueryResult.Column> columns(List<Field> schema) {
    return schema.stream().map(f -> new QueryResult.Column(f.name(),
        f.isRepeated() ? "ARRAY<" + (f.isRecord() ? "STRUCT" : f.type()) + ">" : f.isRecord() ? "STRUCT" : f.type()))
        .toList();
  }

  @Override
  public void close() {
    // the BigQuery client holds no resources of ours
  }
}
