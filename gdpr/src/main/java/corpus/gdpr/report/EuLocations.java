package corpus.gdpr.report;

import java.util.Locale;
import java.util.Set;

/**
 * Which BigQuery locations keep data inside the European Union: the {@code EU} multi-region and
 * the regions in EU member states. London ({@code europe-west2}) and Zurich ({@code
 * europe-west6}) are in Europe but outside the EU (transfers there rely on adequacy decisions).
 */
public final class EuLocations {

  private static final Set<String> EU = Set.of(
      "eu", "europe-north1", "europe-north2", "europe-central2", "europe-west1", "europe-west3", "europe-west4",
      "europe-west8", "europe-west9", "europe-west10", "europe-west12", "europe-southwest1");

  private EuLocations() {}

  /** Whether {@code location} is known to be in the EU; {@code false} for null or unknown. */
  public static boolean isEu(String location) {
    return location != null && EU.contains(location.strip().toLowerCase(Locale.ROOT));
  }

  /** Whether {@code location} is known and outside the EU ({@code US}, {@code us-central1}, …). */
  public static boolean isOutsideEu(String location) {
    return location != null && !location.isBlank() && !isEu(location);
  }
}
