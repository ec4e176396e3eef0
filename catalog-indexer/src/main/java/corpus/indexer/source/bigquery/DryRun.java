package corpus.indexer.source.bigquery;

import corpus.indexer.model.Field;
import corpus.indexer.model.TableId;
import java.util.List;

/**
 * What BigQuery's dry run says about a statement before a byte is billed: the exact bytes it
 * would process, the tables it reads, its statement type and the schema of its result.
 *
 * @param statementType BigQuery's type, e.g. {@code SELECT}, {@code INSERT}, {@code
 *     CREATE_TABLE_AS_SELECT}, {@code SCRIPT}
 */
public record DryRun(long bytesProcessed, String statementType, List<TableId> referencedTables,
    List<Field> schema) {

  public DryRun {
    referencedTables = List.copyOf(referencedTables);
    schema = List.copyOf(schema);
  }

  /** True only for a plain query: the read-only guard lets nothing else run. */
  public boolean isReadOnly() {
    return "SELECT".equals(statementType);
  }
}
