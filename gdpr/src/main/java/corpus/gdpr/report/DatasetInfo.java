package corpus.gdpr.report;

import java.time.Duration;
import java.util.List;

/**
 * A dataset as reports need it.
 *
 * @param id {@code project.dataset}
 * @param location BigQuery location, e.g. {@code EU}, {@code europe-west3}, {@code US}
 * @param owners owning team or people
 * @param description what the dataset is for, or {@code null}
 * @param defaultTableExpiration default expiration of new tables, or {@code null}
 */
public record DatasetInfo(String id, String location, List<String> owners, String description,
    Duration defaultTableExpiration) {

  public DatasetInfo {
    owners = owners == null ? List.of() : List.copyOf(owners);
  }
}
