package corpus.app.connect;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the connection dialog's text fields into {@link ConnectionSettings}, and says in one
 * sentence what is wrong with them while they cannot be read.
 */
final class SettingsInput {

  /**
   * BigQuery project ids: 6–30 lower-case letters, digits and hyphens, starting with a letter;
   * older ones carry a domain prefix ({@code example.com:my-project}).
   */
  private static final Pattern PROJECT_ID = Pattern.compile("(?:[a-z0-9][a-z0-9.-]*:)?[a-z][a-z0-9-]{4,28}[a-z0-9]");
  private static final Pattern SEPARATORS = Pattern.compile("[,;\\s]+");

  private SettingsInput() {}

  static List<String> projects(String text) {
    return Arrays.stream(SEPARATORS.split(text.strip())).filter(p -> !p.isEmpty()).distinct().toList();
  }

  /** What keeps the input from being used, or empty when it can be. */
  private static final Pattern REGION = Pattern.compile("[A-Za-z][A-Za-z0-9-]{1,39}");

  static Optional<String> problem(String projects, boolean useKeyFile, String keyFile, String endpoint) {
    return problem(projects, useKeyFile, keyFile, endpoint, "");
  }

  static Optional<String> problem(String projects, boolean useKeyFile, String keyFile, String endpoint,
      String jobHistoryRegion) {
    List<String> ids = projects(projects);
    if (ids.isEmpty()) {
      return Optional.of("Enter the id of the BigQuery project to connect to.");
    }
    for (String id : ids) {
      if (!PROJECT_ID.matcher(id).matches()) {
        return Optional.of("'" + id + "' is not a project id: ids have 6 to 30 lower-case letters, digits"
            + " or hyphens and start with a letter (the id, not the project's display name).");
      }
    }
    if (useKeyFile && keyFile.isBlank()) {
      return Optional.of("Choose the service-account key file, or use Application Default Credentials.");
    }
    if (!endpoint.isBlank() && endpoint(endpoint).isEmpty()) {
      return Optional.of("The endpoint must be an http or https URL such as http://127.0.0.1:9050.");
    }
    if (!jobHistoryRegion.isBlank() && !REGION.matcher(jobHistoryRegion.strip()).matches()) {
      return Optional.of("'" + jobHistoryRegion.strip() + "' is not a BigQuery location: use one such as EU, US"
          + " or europe-west1, or leave it empty for the regions of the datasets.");
    }
    return Optional.empty();
  }

  /** The settings; call only when {@link #problem} found none. */
  static ConnectionSettings parse(String projects, boolean useKeyFile, String keyFile, String endpoint,
      int jobHistoryDays) {
    return parse(projects, useKeyFile, keyFile, endpoint, jobHistoryDays, "", true);
  }

  /** The settings; call only when {@link #problem} found none. */
  static ConnectionSettings parse(String projects, boolean useKeyFile, String keyFile, String endpoint,
      int jobHistoryDays, String jobHistoryRegion, boolean informationSchema) {
    return new ConnectionSettings(projects(projects),
        useKeyFile && !keyFile.isBlank() ? Path.of(keyFile.strip()) : null,
        endpoint.isBlank() ? null : endpoint(endpoint).orElseThrow(),
        Math.max(0, jobHistoryDays), jobHistoryRegion, informationSchema);
  }

  private static Optional<URI> endpoint(String text) {
    try {
      URI uri = new URI(text.strip());
      boolean web = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
      if (!web || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
        return Optional.empty();
      }
      String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
      return Optional.of(new URI(uri.getScheme().toLowerCase(java.util.Locale.ROOT), null, uri.getHost(),
          uri.getPort(), path.isEmpty() ? null : path, null, null));
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }
}
