package corpus.gdpr.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A table as reports need it.
 *
 * @param id {@code project.dataset.table}
 * @param expirationTime when the table expires, or {@code null}
 * @param partitionExpiration how long partitions are kept, or {@code null}
 * @param owners owners of the table when they differ from the dataset's
 */
public record TableInfo(String id, Instant expirationTime, Duration partitionExpiration, List<String> owners) {

  public TableInfo {
    owners = owners == null ? List.of() : List.copyOf(owners);
  }

  /** {@code project.dataset} of this table. */
  public String dataset() {
    return datasetOf(id);
  }

  static String datasetOf(String tableId) {
    int dot = tableId.lastIndexOf('.');
    return dot < 0 ? "" : tableId.substring(0, dot);
  }
}
