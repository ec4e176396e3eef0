package corpus.lineage.corpus;

import com.fasterxml.jackson.databind.ObjectMapper;
import corpus.lineage.SchemaProvider;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The lineage test corpus under {@code src/test/resources/corpus}: SQL files with expectations, and schemas. */
final class Corpus {
  /** One corpus file: its name, its SQL and the expectation blocks it contains. */
  record CorpusFile(String name, String sql, List<Expectation> expectations) {}

  static final String DEFAULT_PROJECT = "p";
  static final String DEFAULT_DATASET = "d";

  private Corpus() {}

  static Path directory() {
    try {
      return Path.of(Corpus.class.getResource("/corpus/schemas.json").toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<CorpusFile> files() throws IOException {
    List<CorpusFile> files = new ArrayList<>();
    try (Stream<Path> paths = Files.list(directory())) {
      for (Path p : paths.filter(f -> f.toString().endsWith(".sql")).sorted().toList()) {
        String sql = Files.readString(p);
        files.add(new CorpusFile(p.getFileName().toString(), sql, expectations(p.getFileName().toString(), sql)));
      }
    }
    return files;
  }

  private static List<Expectation> expectations(String file, String sql) {
    List<Expectation> out = new ArrayList<>();
    String[] lines = sql.split("\n", -1);
    List<String> block = new ArrayList<>();
    int blockEnd = 0;
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].strip().startsWith("--!")) {
        block.add(lines[i]);
        blockEnd = i + 1;
      } else if (!block.isEmpty()) {
        out.add(Expectation.parse(file, blockEnd, block));
        block = new ArrayList<>();
      }
    }
    return out;
  }

  /** The schemas of {@code schemas.json}: table id → columns with nested fields. */
  static SchemaProvider schemas() throws IOException {
    return SchemaProvider.fromJson(new ObjectMapper().readTree(directory().resolve("schemas.json").toFile()));
  }
}
