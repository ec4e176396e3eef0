package corpus.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LineageJsonTest {
  private static final StatementLineage INSERT = new StatementLineage("insert", 3, List.of("p.d.out"),
      List.of("p.d.in"), List.of(), List.of(new ColumnLineage("p.d.out.a", List.of("p.d.in.a"), Derivation.IDENTITY)),
      List.of("p.d.in.b"), List.of(), null);

  @Test
  void writesOneFileInTheContractShape() throws Exception {
    JsonNode root = new ObjectMapper().readTree(new LineageJson().file(
        List.of(INSERT, StatementLineage.failed("select", 9, "Syntax error"))));
    JsonNode first = root.get("statements").get(0);
    assertThat(first.get("kind").asText()).isEqualTo("insert");
    assertThat(first.get("targets").get(0).asText()).isEqualTo("p.d.out");
    assertThat(first.get("sources").get(0).asText()).isEqualTo("p.d.in");
    assertThat(first.get("columns").get(0).get("target").asText()).isEqualTo("p.d.out.a");
    assertThat(first.get("columns").get(0).get("sources").get(0).asText()).isEqualTo("p.d.in.a");
    assertThat(first.get("columns").get(0).get("derivation").asText()).isEqualTo("identity");
    assertThat(first.get("error").isNull()).isTrue();
    assertThat(root.get("statements").get(1).get("error").asText()).isEqualTo("Syntax error");
  }

  @Test
  void writesSeveralFilesUnderFiles() throws Exception {
    Map<String, List<StatementLineage>> files = new LinkedHashMap<>();
    files.put("a.sql", List.of(INSERT));
    files.put("b.sql", List.of());
    JsonNode root = new ObjectMapper().readTree(new LineageJson().files(files));
    assertThat(root.get("files")).extracting(f -> f.get("file").asText()).containsExactly("a.sql", "b.sql");
  }
}
