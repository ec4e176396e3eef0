package corpus.indexer.source.bigquery;

import corpus.indexer.model.Field;
import corpus.indexer.model.TableId;
import java.util.List;

/**
 * One page of rows from a query or a table preview, values rendered as display strings (null for
 * SQL NULL; arrays as {@code [a, b]}, records as {@code {name: value}}).
 *
 * @param jobId the query job, or null for a table preview
 * @param location where the job ran (needed to cancel it or read more pages)
 * @param source the table the rows come from: the query's result table, or the previewed table
 * @param totalRows rows in the whole result
 * @param bytesProcessed bytes the job processed (0 for a preview, which is free)
 * @param bytesBilled bytes the job billed (0 for a preview or a cached result)
 * @param nextPageToken null when this is the last page
 */
public record ResultPage(
    String jobId,
    String location,
    TableId source,
    List<Field> schema,
    List<List<String>> rows,
    long totalRows,
    long bytesProcessed,
    long bytesBilled,
    String nextPageToken) {

  public ResultPage {
    schema = List.copyOf(schema);
    rows = List.copyOf(rows);
  }

  public boolean hasNextPage() {
    return nextPageToken != null;
  }

  /** Names of the top-level columns, in order. */
  public List<String> columns() {
    return schema.stream().map(Field::name).toList();
  }
}
