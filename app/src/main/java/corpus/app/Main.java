package corpus.app;

import corpus.app.lineage.LineageViewBench;
import corpus.indexer.cli.CorpusCli;
import javafx.application.Application;

/**
 * The entry point of Corpus: with arguments it is the {@code corpus} command line (no JavaFX is
 * loaded) and exits with its status; without arguments it launches the desktop app. The app reads
 * {@code -Dcorpus.home} and {@code -Dcorpus.index} (a catalog folder to open instead of the
 * default one) and {@code -Dcorpus.theme=dark}.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    if (args.length > 1 && args[0].equals("bench") && args[1].equals("lineage-view")) {
      // needs JavaFX, so the app hosts it rather than the JavaFX-free command line
      System.exit(LineageViewBench.run(java.util.Arrays.copyOfRange(args, 2, args.length)));
    }
    if (args.length > 0) {
      System.exit(CorpusCli.run(args));
    }
    Application.launch(CorpusApp.class);
  }
}
