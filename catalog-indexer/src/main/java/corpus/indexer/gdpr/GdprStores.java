package corpus.indexer.gdpr;

import corpus.gdpr.review.ReviewStore;
import corpus.gdpr.review.Reviewer;
import corpus.gdpr.taxonomy.Taxonomy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;

/**
 * Opens the GDPR {@link ReviewStore} in Corpus' SQLite database ({@code CorpusHome.database()}),
 * with the reviewer named by {@code -Dcorpus.reviewer} or {@code CORPUS_REVIEWER}, else the OS user.
 */
public final class GdprStores {

  private GdprStores() {}

  /** Opens (and creates, if needed) the review store in {@code database}. */
  public static ReviewStore open(Path database, Taxonomy taxonomy) throws IOException {
    return open(database, reviewer(), taxonomy);
  }

  /** Opens the review store in {@code database} with a given reviewer. */
  public static ReviewStore open(Path database, Reviewer reviewer, Taxonomy taxonomy) throws IOException {
    try {
      Path parent = database.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      return ReviewStore.open(jdbcUrl(database), reviewer, taxonomy, Clock.systemUTC());
    } catch (SQLException e) {
      throw new IOException("cannot open the GDPR review store in " + database + ": " + e.getMessage(), e);
    }
  }

  /** The JDBC URL of {@code database}. */
  public static String jdbcUrl(Path database) {
    return "jdbc:sqlite:" + database.toAbsolutePath();
  }

  /** The configured reviewer ({@code -Dcorpus.reviewer}, {@code CORPUS_REVIEWER}) or the OS user. */
  public static Reviewer reviewer() {
    String configured = System.getProperty("corpus.reviewer");
    if (configured == null || configured.isBlank()) {
      configured = System.getenv("CORPUS_REVIEWER");
    }
    return Reviewer.configuredOrOsUser(configured);
  }
}
