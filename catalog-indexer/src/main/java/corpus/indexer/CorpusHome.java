package corpus.indexer;

import java.nio.file.Path;

/**
 * Where Corpus keeps its data: {@code ~/.corpus} unless {@code -Dcorpus.home} or the {@code
 * CORPUS_HOME} environment variable says otherwise. Holds the default index, the SQLite database
 * of decisions and history, and the generated sample warehouse.
 */
public record CorpusHome(Path root) {

  /** The home from system property, environment, or {@code ~/.corpus}, in that order. */
  public static CorpusHome resolve() {
    String prop = System.getProperty("corpus.home");
    if (prop != null && !prop.isBlank()) {
      return new CorpusHome(Path.of(prop).toAbsolutePath());
    }
    String env = System.getenv("CORPUS_HOME");
    if (env != null && !env.isBlank()) {
      return new CorpusHome(Path.of(env).toAbsolutePath());
    }
    return new CorpusHome(Path.of(System.getProperty("user.home"), ".corpus"));
  }

  /** The default Lucene catalog, built from the sample on first launch of the app. */
  public Path defaultIndex() {
    return root.resolve("index");
  }

  /** The SQLite database of everything people decide and the catalog's own history. */
  public Path database() {
    return root.resolve("corpus.db");
  }

  /** Folder of the generated sample warehouse (DuckDB file, docs, pipeline SQL, query log). */
  public Path sampleDir() {
    return root.resolve("sample");
  }
}
