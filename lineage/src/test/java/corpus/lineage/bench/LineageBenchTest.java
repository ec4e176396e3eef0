package corpus.lineage.bench;

import static org.assertj.core.api.Assertions.assertThat;

import corpus.lineage.AnalysisContext;
import corpus.lineage.zetasql.ZetaSqlAnalyzer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineageBenchTest {

  @Test
  void countsStatementsGroupsFailuresWithFileAndLineAndSetsTemplatedFilesApart(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("etl/orders"));
    Files.writeString(dir.resolve("etl/orders/query.sql"), """
        CREATE TEMP TABLE t AS SELECT id FROM raw.orders;
        INSERT INTO mart.orders (id) SELECT id FROM t;
        """);
    Files.writeString(dir.resolve("etl/broken.sql"), """
        SELECT 1;

        SELECT a FROM FROM raw.x;
        SELECT b FROM raw.y;
        """);
    Files.writeString(dir.resolve("etl/also_broken.sql"), "SELECT c FROM FROM raw.z;\n");
    Files.writeString(dir.resolve("etl/model.sql"), "SELECT *\nFROM {{ ref('orders') }}\n");
    Files.writeString(dir.resolve("etl/notes.txt"), "not sql");

    LineageReport report = new LineageBench(new ZetaSqlAnalyzer())
        .run(dir, AnalysisContext.withDefaults("p", "d"), 0, () -> false);

    assertThat(report.files()).isEqualTo(4);
    assertThat(report.analysedFiles()).isEqualTo(3);
    assertThat(report.templated()).containsExactly("etl/model.sql:2");
    assertThat(report.statements()).isEqualTo(6);
    assertThat(report.parsed()).isEqualTo(4);
    assertThat(report.parseSuccess()).isEqualTo(4 / 6.0);
    assertThat(report.failures()).hasSize(1);
    LineageReport.FailureGroup group = report.failures().getFirst();
    assertThat(group.message()).isEqualTo("parse: Syntax error: Unexpected keyword FROM");
    assertThat(group.count()).isEqualTo(2);
    assertThat(group.examples()).containsExactly("etl/also_broken.sql:1", "etl/broken.sql:3");
    assertThat(report.passes()).isGreaterThanOrEqualTo(1);
    assertThat(report.measuredStatements()).isEqualTo(6L * report.passes());
    assertThat(report.statementsPerSecond()).isPositive();
    assertThat(report.toText()).contains("statements: 6; parsed 4 (66.67 %)", "1 templated (not counted)",
        "etl/also_broken.sql:1, etl/broken.sql:3");
    assertThat(report.toMap()).containsEntry("templatedFiles", 1).containsEntry("parseSuccess", 0.6667);
  }
}
