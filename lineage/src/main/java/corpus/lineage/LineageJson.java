package corpus.lineage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * Writes lineage in the JSON shape of the {@code corpus lineage --json} contract: for one file
 * {@code {"statements": [...]}}, for several {@code {"files": [{"file", "statements"}]}}.
 *
 * <p>Each statement has {@code kind}, {@code line}, {@code targets}, {@code sources}, {@code columns}
 * ({@code target}, {@code sources}, {@code derivation}), {@code filters}, {@code unresolved}, {@code external}
 * and {@code error} (null when the statement was analysed).
 */
public final class LineageJson {
  private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** The JSON document for the statements of one file. */
  public String file(List<StatementLineage> statements) {
    ObjectNode root = mapper.createObjectNode();
    root.set("statements", statements(statements));
    return write(root);
  }

  /** The JSON document for several files, in the iteration order of {@code files} (file name → statements). */
  public String files(Map<String, List<StatementLineage>> files) {
    ObjectNode root = mapper.createObjectNode();
    ArrayNode array = root.putArray("files");
    files.forEach((file, statements) -> {
      ObjectNode node = array.addObject();
      node.put("file", file);
      node.set("statements", statements(statements));
    });
    return write(root);
  }

  private ArrayNode statements(List<StatementLineage> statements) {
    ArrayNode array = mapper.createArrayNode();
    for (StatementLineage s : statements) {
      ObjectNode node = array.addObject();
      node.put("kind", s.kind());
      node.put("line", s.line());
      strings(node.putArray("targets"), s.targets());
      strings(node.putArray("sources"), s.sources());
      ArrayNode columns = node.putArray("columns");
      for (ColumnLineage c : s.columns()) {
        ObjectNode column = columns.addObject();
        column.put("target", c.target());
        strings(column.putArray("sources"), c.sources());
        column.put("derivation", c.derivation().label());
      }
      strings(node.putArray("filters"), s.filters());
      strings(node.putArray("unresolved"), s.unresolved());
      strings(node.putArray("external"), s.external());
      if (s.error() == null) {
        node.putNull("error");
      } else {
        node.put("error", s.error());
      }
    }
    return array;
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }

  private String write(ObjectNode root) {
    try {
      return mapper.writeValueAsString(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write lineage JSON", e);
    }
  }
}
