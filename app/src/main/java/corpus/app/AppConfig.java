package corpus.app;

import corpus.indexer.CorpusHome;
import java.nio.file.Path;

/**
 * Where the app finds its data: the Corpus home ({@code -Dcorpus.home}, {@code CORPUS_HOME} or
 * {@code ~/.corpus}) and the catalog to open ({@code -Dcorpus.index}, else the home's default).
 */
public record AppConfig(CorpusHome home, Path indexDir) {

  public static AppConfig fromSystemProperties() {
    CorpusHome home = CorpusHome.resolve();
    String index = System.getProperty("corpus.index");
    Path indexDir = index == null || index.isBlank()
        ? home.defaultIndex()
        : Path.of(index).toAbsolutePath();
    return new AppConfig(home, indexDir);
  }
}
