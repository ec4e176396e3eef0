package corpus.indexer.source.sample;

import corpus.indexer.source.duckdb.DuckDbSource;
import corpus.indexer.source.duckdb.RecordingSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * One generated sample shared by every test class of a test run (generating it takes seconds),
 * with its crawl and the progress stages its generation reported. Deleted when the JVM exits.
 */
public final class SampleFixture {

  private static SampleLayout layout;
  private static Exception failure;
  private static RecordingSink crawl;
  private static final List<String> STAGES = new ArrayList<>();

  private SampleFixture() {}

  /** The shared sample; a failed generation is not retried by every test but rethrown. */
  public static synchronized SampleLayout layout() throws Exception {
    if (failure != null) {
      throw new IllegalStateException("the shared sample could not be generated", failure);
    }
    if (layout == null) {
      Path dir = Files.createTempDirectory("corpus-sample-test-");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir)));
      try {
        layout = SampleWarehouse.ensure(dir.resolve("sample"), (stage, done, total) -> {
          synchronized (STAGES) {
            if (STAGES.isEmpty() || !STAGES.getLast().equals(stage)) {
              STAGES.add(stage);
            }
          }
        });
      } catch (Exception | LinkageError e) {
        failure = e instanceof Exception ex ? ex : new IllegalStateException(e);
        throw failure;
      }
    }
    return layout;
  }

  /** The stages generation reported progress for, in order. */
  public static synchronized List<String> stages() throws Exception {
    layout();
    synchronized (STAGES) {
      return List.copyOf(STAGES);
    }
  }

  /** What {@link DuckDbSource} finds in the sample warehouse. */
  public static synchronized RecordingSink crawl() throws Exception {
    if (crawl == null) {
      RecordingSink sink = new RecordingSink();
      new DuckDbSource(layout().warehouse()).crawl(sink, (stage, done, total) -> {});
      crawl = sink;
    }
    return crawl;
  }

  /** A read-only connection to the sample warehouse; close it. */
  public static Connection connect() throws Exception {
    Properties props = new Properties();
    props.setProperty("duckdb.read_only", "true");
    return DriverManager.getConnection("jdbc:duckdb:" + layout().warehouse(), props);
  }

  /** The values of one column (or nested expression) of a query, as strings. */
  public static List<String> strings(Connection c, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (var s = c.createStatement(); var r = s.executeQuery(sql)) {
      while (r.next()) {
        out.add(r.getString(1));
      }
    }
    return out;
  }

  public static long count(Connection c, String sql) throws SQLException {
    try (var s = c.createStatement(); var r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  static void deleteQuietly(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // best effort at JVM exit
    }
  }
}
