package corpus.indexer.source.sample;

import corpus.indexer.progress.ProgressListener;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded sample warehouse of the fictional audio-streaming company Soundwave, generated on
 * first use.
 *
 * <pre>{@code
 * SampleLayout sample = SampleWarehouse.ensure(home.sampleDir(), progress);
 * new DuckDbSource(sample.warehouse()).crawl(sink, progress);
 * }</pre>
 *
 * <p>{@link #ensure} returns at once when {@code VERSION} in the folder matches this generator;
 * otherwise it generates everything into a temporary folder beside it and moves that into place,
 * so a crash never leaves a half-written sample. A lock file keeps two processes from generating
 * at the same time.
 */
public final class SampleWarehouse {

  /** The BigQuery project of the published datasets. */
  public static final String PROJECT = "soundwave-prod";
  /** The BigQuery project of the raw-data lake. */
  public static final String RAW_PROJECT = "soundwave-raw";
  /** Bump when the generator's Java code changes what it writes. */
  static final int GENERATOR_VERSION = 1;

  private static final Logger LOG = LoggerFactory.getLogger(SampleWarehouse.class);

  private SampleWarehouse() {}

  /** Makes sure a current sample exists in {@code sampleDir}, generating it if needed. */
  public static SampleLayout ensure(Path sampleDir, ProgressListener progress) throws Exception {
    Path dir = sampleDir.toAbsolutePath().normalize();
    String version = version();
    if (isCurrent(dir, version)) {
      return SampleLayout.of(dir);
    }
    Path parent = dir.getParent();
    Files.createDirectories(parent);
    String name = dir.getFileName().toString();
    try (FileChannel channel = FileChannel.open(parent.resolve(name + ".lock"),
        StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      FileLock lock = lock(channel);
      try {
        if (!isCurrent(dir, version)) {
          generate(dir, version, progress);
        }
      } finally {
        lock.release();
      }
    }
    return SampleLayout.of(dir);
  }

  private static void generate(Path dir, String version, ProgressListener progress) throws Exception {
    Path parent = dir.getParent();
    String name = dir.getFileName().toString();
    removeLeftovers(parent, name);
    LOG.info("Generating the sample warehouse in {}", dir);
    Path tmp = Files.createTempDirectory(parent, name + ".tmp-");
    try {
      new SampleGenerator(SampleResources.spec(), progress).generate(tmp);
      Files.writeString(tmp.resolve("VERSION"), version + "\n", StandardCharsets.UTF_8);
      replace(dir, tmp);
    } finally {
      deleteRecursively(tmp);
    }
  }

  /** The layout of {@code sampleDir}, without checking or generating anything. */
  public static SampleLayout layout(Path sampleDir) {
    return SampleLayout.of(sampleDir.toAbsolutePath().normalize());
  }

  /** True when {@code sampleDir} holds a complete sample of this generator version. */
  public static boolean isCurrent(Path sampleDir) throws Exception {
    return isCurrent(sampleDir.toAbsolutePath().normalize(), version());
  }

  private static boolean isCurrent(Path dir, String version) throws IOException {
    Path file = dir.resolve("VERSION");
    return Files.isRegularFile(file)
        && Files.readString(file, StandardCharsets.UTF_8).strip().equals(version)
        && Files.isRegularFile(dir.resolve("warehouse.duckdb"));
  }

  /**
   * The generator version: its code version, the DuckDB version (hash functions may change
   * between releases) and a digest of the spec, docs and pipeline resources.
   */
  static String version() throws SQLException {
    String duckdb;
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT version()")) {
      r.next();
      duckdb = r.getString(1);
    }
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    for (String path : SampleResources.list()) {
      digest.update(path.getBytes(StandardCharsets.UTF_8));
      digest.update(SampleResources.read(path).getBytes(StandardCharsets.UTF_8));
    }
    String resources = HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    return "generator " + GENERATOR_VERSION + "; duckdb " + duckdb + "; resources " + resources;
  }

  private static FileLock lock(FileChannel channel) throws IOException, InterruptedException {
    while (true) {
      try {
        return channel.lock();
      } catch (OverlappingFileLockException e) {
        Thread.sleep(100);
      }
    }
  }

  /** Moves the finished {@code tmp} to {@code dir}, moving an outdated sample out of the way. */
  private static void replace(Path dir, Path tmp) throws IOException {
    Path old = null;
    if (Files.exists(dir)) {
      old = dir.resolveSibling(dir.getFileName() + ".old-" + Long.toHexString(System.nanoTime()));
      Files.move(dir, old, StandardCopyOption.ATOMIC_MOVE);
    }
    Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
    if (old != null) {
      deleteRecursively(old);
    }
  }

  /** Deletes temporary and outdated folders a crashed generation left beside the sample. */
  private static void removeLeftovers(Path parent, String name) throws IOException {
    try (DirectoryStream<Path> siblings = Files.newDirectoryStream(parent, name + ".{tmp,old}-*")) {
      for (Path p : siblings) {
        LOG.info("Removing leftover {}", p);
        deleteRecursively(p);
      }
    }
  }

  private static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
