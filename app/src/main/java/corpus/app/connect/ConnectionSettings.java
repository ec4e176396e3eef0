package corpus.app.connect;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
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
 */
public record ConnectionSettings(List<String> projects, Path keyFile, URI endpoint, int jobHistoryDays) {

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
