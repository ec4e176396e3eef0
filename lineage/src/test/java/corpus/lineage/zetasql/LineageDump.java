package corpus.lineage.zetasql;

import corpus.lineage.AnalysisContext;
import corpus.lineage.LineageJson;
import java.nio.file.Files;
import java.nio.file.Path;

/** Development aid: prints the lineage JSON of the SQL files given as arguments (defaults p / d). */
public final class LineageDump {
  private LineageDump() {}

  public static void main(String[] args) throws Exception {
    ZetaSqlAnalyzer analyzer = new ZetaSqlAnalyzer();
    for (String a : args) {
      String sql = Files.readString(Path.of(a));
      System.out.println(new LineageJson().file(analyzer.analyze(sql, AnalysisContext.withDefaults("p", "d"))));
    }
  }
}
