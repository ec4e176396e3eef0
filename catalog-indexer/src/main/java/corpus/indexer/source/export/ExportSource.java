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
import java.util.HexFormat;
import java.util.List;
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
    long done = 0;
    for (Path file : files) {
      if (Thread.currentThread().isInterrupted()) {
        return;
      }
      String name = file.getFileName().toString();
      String fingerprint = Files.size(file) + ":" + Files.getLastModifiedTime(file).toMillis();
      if (sink.beginOrigin(file.toString(), fingerprint)) {
        progress.progress("export files", ++done, files.size());
        continue;
      }
      if (name.endsWith(".ndjson") || name.endsWith(".jsonl")) {
        readLines(file, sink);
      } else {
        readFile(file, sink);
      }
      progress.progress("export files", ++done, files.size());
    }
  }

  private static boolean isExport(Path p) {
    String n = p.getFileName().toString();
    return n.endsWith(".json") || n.endsWith(".ndjson") || n.endsWith(".jsonl");
  }

  private void readFile(Path file, CatalogSink sink) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      sink.problem(new Problem(spec(), file.toString(), 0, "cannot read: " + e.getMessage()));
      return;
    }
    int first = 0;
    while (first < bytes.length && Character.isWhitespace(bytes[first])) {
      first++;
    }
    // a file holding one resource is one record: an unchanged one is not parsed again
    if (first < bytes.length && bytes[first] == '{' && sink.unchangedRecord(fingerprint(bytes, 0, bytes.length))) {
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
  private void readLines(Path file, CatalogSink sink) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      sink.problem(new Problem(spec(), file.toString(), 0, "cannot read: " + e.getMessage()));
      return;
    }
    int n = 0;
    int start = 0;
    while (start < bytes.length) {
      int end = start;
      while (end < bytes.length && bytes[end] != '\n') {
        end++;
      }
      n++;
      int stop = end > start && bytes[end - 1] == '\r' ? end - 1 : end;
      if (!isBlank(bytes, start, stop) && !sink.unchangedRecord(fingerprint(bytes, start, stop - start))) {
        try {
          emit(json.readTree(bytes, start, stop - start), file, n, sink);
        } catch (JsonProcessingException e) {
          sink.problem(new Problem(spec(), file.toString(), n, "malformed JSON: " + e.getOriginalMessage()));
        } catch (IOException e) {
          sink.problem(new Problem(spec(), file.toString(), n, "cannot read: " + e.getMessage()));
        }
      }
      start = end + 1;
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
