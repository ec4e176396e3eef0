package corpus.lineage.corpus;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The expected lineage of one corpus statement, read from the {@code --!} comment block just before it.
 *
 * <pre>
 * --! targets: p.mart.t
 * --! sources: p.d.a, p.d.b
 * --! column: p.mart.t.x &lt;- p.d.a.x, p.d.b.y
 * </pre>
 *
 * A statement without a block is expected to have no targets and no sources. Column lines are optional; when a
 * block has any, the statement's column lineage is checked completely.
 */
record Expectation(String file, int line, Set<String> targets, Set<String> sources, Set<String> columnEdges,
    boolean columnsChecked) {

  static Expectation empty(String file, int line) {
    return new Expectation(file, line, Set.of(), Set.of(), Set.of(), false);
  }

  /** Adds one {@code --!} line to a block under construction. */
  static Expectation parse(String file, int line, Iterable<String> blockLines) {
    Set<String> targets = new LinkedHashSet<>();
    Set<String> sources = new LinkedHashSet<>();
    Set<String> edges = new LinkedHashSet<>();
    boolean columns = false;
    for (String raw : blockLines) {
      String text = raw.strip().substring(3).strip();
      int colon = text.indexOf(':');
      String key = text.substring(0, colon).strip();
      String value = text.substring(colon + 1).strip();
      switch (key) {
        case "targets" -> targets.addAll(list(value));
        case "sources" -> sources.addAll(list(value));
        case "column" -> {
          columns = true;
          int arrow = value.indexOf("<-");
          String target = value.substring(0, arrow).strip();
          for (String s : list(value.substring(arrow + 2))) {
            edges.add(target + " <- " + s);
          }
        }
        default -> throw new IllegalArgumentException(file + ":" + line + ": unknown expectation key " + key);
      }
    }
    return new Expectation(file, line, targets, sources, edges, columns);
  }

  private static Set<String> list(String value) {
    Set<String> out = new LinkedHashSet<>();
    for (String part : value.split(",")) {
      if (!part.isBlank()) {
        out.add(part.strip());
      }
    }
    return out;
  }
}
