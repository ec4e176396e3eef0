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
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Crawls a folder of BigQuery metadata exports: {@code *.json} files holding one Table resource
 * (or an array of them) and {@code *.ndjson}/{@code *.jsonl} files with one resource per line.
 * A malformed file or line is reported with its path and line and skipped.
 */
public final class ExportSource implements CatalogSource {

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
    JsonNode node;
    try {
      node = json.readTree(file.toFile());
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

  private void readLines(Path file, CatalogSink sink) {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int n = 0;
      while ((line = in.readLine()) != null) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        try {
          emit(json.readTree(line), file, n, sink);
        } catch (JsonProcessingException e) {
          sink.problem(new Problem(spec(), file.toString(), n, "malformed JSON: " + e.getOriginalMessage()));
        }
      }
    } catch (IOException e) {
      sink.problem(new Problem(spec(), file.toString(), 0, "cannot read: " + e.getMessage()));
    }
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
