package corpus.app.connect;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What the connection dialog connects to: one or more BigQuery projects (jobs are billed to the
 * first), the credentials to use, an optional other endpoint and the job-history window.
 *
 * <p>No secret is held here: a service-account key is named by its path, and its contents are
 * read only when a client is built.
 *
 * @param projects project ids, at least one, in the order the user gave them
 * @param keyFile a service-account key file, or null for Application Default Credentials
 * @param endpoint null for the real service, else the root URL of another server (tests, a proxy);
 *     no credentials are sent there
 * @param jobHistoryDays days of {@code INFORMATION_SCHEMA.JOBS} read for usage and observed
 *     lineage; 0 turns it off
 * @param jobHistoryRegion the one region whose job history is read ({@code EU}, {@code
 *     europe-west1}), or null for every region that holds a crawled dataset
 * @param informationSchema read metadata with region-level {@code INFORMATION_SCHEMA} queries
 *     (billed jobs in the first project; the API is the fallback) rather than through the API only
 */
public record ConnectionSettings(List<String> projects, Path keyFile, URI endpoint, int jobHistoryDays,
    String jobHistoryRegion, boolean informationSchema) {

  /** The job-history window the crawler uses unless told otherwise. */
  public static final int DEFAULT_JOB_HISTORY_DAYS = 30;

  public ConnectionSettings {
    projects = List.copyOf(projects);
    if (projects.isEmpty()) {
      throw new IllegalArgumentException("a BigQuery project id is needed");
    }
    if (jobHistoryDays < 0) {
      throw new IllegalArgumentException("job history days must be zero or positive");
    }
    jobHistoryRegion = jobHistoryRegion == null || jobHistoryRegion.isBlank() ? null
        : jobHistoryRegion.strip().toLowerCase(Locale.ROOT);
  }

  /** Settings with the job history of the datasets' regions and INFORMATION_SCHEMA first. */
  public ConnectionSettings(List<String> projects, Path keyFile, URI endpoint, int jobHistoryDays) {
    this(projects, keyFile, endpoint, jobHistoryDays, null, true);
  }

  /** The project that runs (and pays for) jobs. */
  public String billingProject() {
    return projects.getFirst();
  }

  /** The source spec of the crawl, as the command line writes it: {@code bigquery:P1,P2}. */
  public String spec() {
    return "bigquery:" + String.join(",", projects);
  }

  /** True when these settings reach the same projects as {@code other}, whatever the rest says. */
  public boolean sameProjects(ConnectionSettings other) {
    return Objects.equals(projects, other.projects);
  }
}
