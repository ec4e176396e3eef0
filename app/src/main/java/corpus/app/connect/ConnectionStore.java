package corpus.app.connect;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import corpus.indexer.CorpusHome;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers the BigQuery connections a user crawled, in {@code settings/bigquery-connections.json}
 * under the Corpus home, so the dialog opens filled in and a rebuilt catalog crawls them again.
 * Blocking file I/O: call off the UI thread. Writes are atomic (a temporary file moved into place).
 */
public final class ConnectionStore {

  private static final Logger LOG = LoggerFactory.getLogger(ConnectionStore.class);

  private final Path file;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public ConnectionStore(Path file, Clock clock) {
    this.file = file;
    this.clock = clock;
  }

  /** The store of the given Corpus home. */
  public static ConnectionStore in(CorpusHome home) {
    return new ConnectionStore(home.root().resolve("settings").resolve("bigquery-connections.json"),
        Clock.systemUTC());
  }

  public Path file() {
    return file;
  }

  /**
   * The saved connections, most recently crawled first; none when the file is missing. A file that
   * cannot be read is logged and treated as empty, so a damaged file never stops the app.
   */
  public List<ConnectionSettings> load() {
    List<ConnectionSettings> out = new ArrayList<>();
    for (ConnectionsFile.Saved s : readFile().connections()) {
      try {
        ConnectionSettings settings = toSettings(s);
        if (settings != null) {
          out.add(settings);
        }
      } catch (RuntimeException e) {
        LOG.warn("Ignoring a saved BigQuery connection in {}: {}", file, e.getMessage());
      }
    }
    return List.copyOf(out);
  }

  /** Records a crawled connection first in the list, replacing one to the same projects. */
  public void save(ConnectionSettings settings) throws IOException {
    List<ConnectionsFile.Saved> all = new ArrayList<>();
    all.add(toSaved(settings));
    for (ConnectionsFile.Saved other : readFile().connections()) {
      if (!settings.projects().equals(other.projects())) {
        all.add(other);
      }
    }
    Files.createDirectories(file.getParent());
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    json.writeValue(tmp.toFile(), new ConnectionsFile(ConnectionsFile.VERSION, all));
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    LOG.info("Saved the BigQuery connection to {} in {}", settings.spec(), file);
  }

  private ConnectionsFile readFile() {
    if (!Files.exists(file)) {
      return new ConnectionsFile(ConnectionsFile.VERSION, List.of());
    }
    try {
      return json.readValue(file.toFile(), ConnectionsFile.class);
    } catch (IOException | RuntimeException e) {
      LOG.warn("Ignoring the saved BigQuery connections in {}: {}", file, e.getMessage());
      return new ConnectionsFile(ConnectionsFile.VERSION, List.of());
    }
  }

  private ConnectionsFile.Saved toSaved(ConnectionSettings s) {
    return new ConnectionsFile.Saved(s.projects(),
        s.keyFile() == null ? null : s.keyFile().toString(),
        s.endpoint() == null ? null : s.endpoint().toString(),
        s.jobHistoryDays(), clock.instant().toString(), s.jobHistoryRegion(), s.informationSchema());
  }

  private static ConnectionSettings toSettings(ConnectionsFile.Saved s) {
    if (s.projects() == null || s.projects().isEmpty()) {
      return null;
    }
    return new ConnectionSettings(s.projects(),
        blank(s.keyFile()) ? null : Path.of(s.keyFile()),
        blank(s.endpoint()) ? null : URI.create(s.endpoint()),
        s.jobHistoryDays() == null ? ConnectionSettings.DEFAULT_JOB_HISTORY_DAYS : Math.max(0, s.jobHistoryDays()),
        s.jobHistoryRegion(), s.informationSchema() == null || s.informationSchema());
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
