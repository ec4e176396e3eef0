package corpus.indexer.source.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import corpus.indexer.model.CatalogJson;
import corpus.indexer.model.Problem;
import corpus.indexer.model.Table;
import corpus.indexer.progress.ProgressListener;
import corpus.indexer.source.CatalogSink;
import corpus.indexer.source.CatalogSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.lucene.util.StringHelper;

/**
 * Crawls a folder of BigQuery metadata exports: {@code *.json} files holding one Table resource
 * (or an array of them) and {@code *.ndjson}/{@code *.jsonl} files with one resource per line.
 * A malformed file or line is reported with its path and line and skipped.
 */
public final class ExportSource implements CatalogSource {

  private static final HexFormat HEX = HexFormat.of();

  private final Path dir;
  private final ObjectMapper json = CatalogJson.mapper();
  private final TableResourceReader reader = new TableResourceReader();

  public ExportSource(Path dir) {
    this.dir = dir;
  }

  @Override
  public String spec() {
    return "export:" + dir;
  }

  @Override
  public void crawl(CatalogSink sink, ProgressListener progress) throws IOException {
    if (!Files.exists(dir)) {
      throw new NoSuchFileException(dir.toString(), null, "export folder does not exist");
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(Files::isRegularFile).filter(ExportSource::isExport).sorted().toList();
    }
    // the next file is read and its records fingerprinted on a second thread while this one
    // looks them up and parses what changed (most of an incremental update is that reading)
    ExecutorService ahead = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon()
        .name("corpus-export-read").factory());
    try {
      Future<Loaded> next = files.isEmpty() ? null : ahead.submit(() -> read(files.get(0), sink));
      for (int i = 0; i < files.size(); i++) {
        Loaded loaded = get(next);
        if (loaded == null || Thread.currentThread().isInterrupted()) {
          return; // cancelled
        }
        Path following = i + 1 < files.size() ? files.get(i + 1) : null;
        next = following == null ? null : ahead.submit(() -> read(following, sink));
        if (sink.beginOrigin(loaded.file().toString(), loaded.fingerprint())) {
          progress.progress("export files", i + 1, files.size());
          continue;
        }
        if (loaded.bytes() == null && loaded.error() == null) {
          loaded = read(loaded.file(), null); // the sink said it knew the file, then wanted it after all
        }
        if (loaded.error() != null) {
          sink.problem(new Problem(spec(), loaded.file().toString(), 0, "cannot read: " + loaded.error().getMessage()));
        } else if (loaded.lines()) {
          readLines(loaded, sink);
        } else {
          readFile(loaded, sink);
        }
        progress.progress("export files", i + 1, files.size());
      }
    } finally {
      ahead.shutdownNow();
    }
  }

  /**
   * A file as read ahead: its fingerprint (size and modification time), and unless the sink holds
   * it already, its bytes and the fingerprints of its records (of each line, or of the whole file
   * when it holds one resource); or why it could not be read.
   */
  private record Loaded(Path file, String fingerprint, boolean lines, byte[] bytes, int[] starts, int[] stops,
      String[] records, IOException error) {}

  /** Reads {@code file} unless {@code sink} (when given) already holds it. */
  private static Loaded read(Path file, CatalogSink sink) {
    String name = file.getFileName().toString();
    boolean lines = name.endsWith(".ndjson") || name.endsWith(".jsonl");
    String fingerprint;
    byte[] bytes;
    try {
      fingerprint = Files.size(file) + ":" + Files.getLastModifiedTime(file).toMillis();
      if (sink != null && sink.knowsOrigin(file.toString(), fingerprint)) {
        return new Loaded(file, fingerprint, lines, null, null, null, null, null);
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      return new Loaded(file, null, lines, null, null, null, null, e);
    }
    if (!lines) {
      int first = 0;
      while (first < bytes.length && Character.isWhitespace(bytes[first])) {
        first++;
      }
      // a file holding one resource is one record: an unchanged one is not parsed again
      String record = first < bytes.length && bytes[first] == '{' ? fingerprint(bytes, 0, bytes.length) : null;
      return new Loaded(file, fingerprint, false, bytes, null, null, new String[] {record}, null);
    }
    IntList starts = new IntList();
    IntList stops = new IntList();
    List<String> records = new ArrayList<>();
    int start = 0;
    while (start < bytes.length) {
      int end = start;
      while (end < bytes.length && bytes[end] != '\n') {
        end++;
      }
      int stop = end > start && bytes[end - 1] == '\r' ? end - 1 : end;
      starts.add(start);
      stops.add(stop);
      records.add(isBlank(bytes, start, stop) ? null : fingerprint(bytes, start, stop - start));
      start = end + 1;
    }
    return new Loaded(file, fingerprint, true, bytes, starts.toArray(), stops.toArray(),
        records.toArray(String[]::new), null);
  }

  /** The file read ahead; null when this thread was interrupted while waiting for it. */
  private static Loaded get(Future<Loaded> loaded) throws IOException {
    try {
      return loaded.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (ExecutionException e) {
      throw new IOException("cannot read the export: " + e.getCause(), e.getCause());
    }
  }

  /** A growable list of ints (a line's offsets), without boxing. */
  private static final class IntList {
    private int[] values = new int[256];
    private int size;

    void add(int v) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }

    int[] toArray() {
      return Arrays.copyOf(values, size);
    }
  }

  private static boolean isExport(Path p) {
    String n = p.getFileName().toString();
    return n.endsWith(".json") || n.endsWith(".ndjson") || n.endsWith(".jsonl");
  }

  private void readFile(Loaded loaded, CatalogSink sink) {
    Path file = loaded.file();
    byte[] bytes = loaded.bytes();
    if (loaded.records()[0] != null && sink.unchangedRecord(loaded.records()[0])) {
      return;
    }
    JsonNode node;
    try {
      node = json.readTree(bytes);
    } catch (JsonProcessingException e) {
      sink.problem(new Problem(spec(), file.toString(), e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
          "malformed JSON: " + e.getOriginalMessage()));
      return;
    } catch (IOException e) {
      sink.problem(new Problem(spec(), file.toString(), 0, "cannot read: " + e.getMessage()));
      return;
    }
    if (node != null && node.isArray()) {
      int i = 0;
      for (JsonNode element : node) {
        emit(element, file, ++i, sink);
      }
    } else {
      emit(node, file, 0, sink);
    }
  }

  /**
   * Reads one resource per line. Each line is fingerprinted from its raw bytes first, and a line the
   * catalog already holds unchanged is skipped without decoding or parsing it.
   */
  private void readLines(Loaded loaded, CatalogSink sink) {
    Path file = loaded.file();
    byte[] bytes = loaded.bytes();
    for (int i = 0; i < loaded.records().length; i++) {
      String record = loaded.records()[i];
      int start = loaded.starts()[i];
      int stop = loaded.stops()[i];
      int line = i + 1;
      if (record != null && !sink.unchangedRecord(record)) {
        try {
          emit(json.readTree(bytes, start, stop - start), file, line, sink);
        } catch (JsonProcessingException e) {
          sink.problem(new Problem(spec(), file.toString(), line, "malformed JSON: " + e.getOriginalMessage()));
        } catch (IOException e) {
          sink.problem(new Problem(spec(), file.toString(), line, "cannot read: " + e.getMessage()));
        }
      }
    }
  }

  private static boolean isBlank(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!Character.isWhitespace(bytes[i])) {
        return false;
      }
    }
    return true;
  }

  /**
   * A cheap fingerprint of a record's raw bytes: its length and two independent 32-bit MurmurHash3
   * values (about 64 bits, compared only among the records of one file). No parsing, no decoding.
   */
  static String fingerprint(byte[] bytes, int offset, int length) {
    int a = StringHelper.murmurhash3_x86_32(bytes, offset, length, 0x9747b28c);
    int b = StringHelper.murmurhash3_x86_32(bytes, offset, length, 0x5bd1e995);
    return Integer.toHexString(length) + "-" + HEX.toHexDigits(a) + HEX.toHexDigits(b);
  }

  private void emit(JsonNode node, Path file, int line, CatalogSink sink) {
    Table table;
    try {
      table = reader.read(node);
    } catch (IllegalArgumentException e) {
      sink.problem(new Problem(spec(), file.toString(), line, "not a BigQuery Table resource: " + e.getMessage()));
      return;
    }
    sink.table(table);
  }
}
