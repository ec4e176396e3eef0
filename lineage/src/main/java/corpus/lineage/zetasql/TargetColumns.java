package corpus.lineage.zetasql;

import corpus.lineage.ColumnLineage;
import corpus.lineage.ColumnSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Maps the output columns of a query onto the columns of a target table: by an explicit column list, by the
 * target's schema (positionally), or by the query's own column names.
 */
final class TargetColumns {
  private TargetColumns() {}

  /**
   * The column lineage of {@code target} written from {@code query}.
   *
   * @param target fully qualified target table, or null for a plain SELECT (targets are then bare names)
   * @param explicitNames the statement's column list, or null
   * @param targetSchema the target's schema when known and the mapping is positional (INSERT without column list)
   */
  static List<ColumnLineage> map(
      String target,
      Relation query,
      List<String> explicitNames,
      Optional<List<ColumnSchema>> targetSchema,
      StatementCollector out) {
    List<ColumnLineage> result = new ArrayList<>();
    Optional<List<OutputColumn>> all = query.columns();
    if (explicitNames != null) {
      if (all.isPresent()) {
        for (int i = 0; i < explicitNames.size() && i < all.get().size(); i++) {
          result.addAll(lineages(target, explicitNames.get(i), all.get().get(i).sources()));
        }
      } else {
        out.unresolved.addAll(query.openStars());
      }
      return result;
    }
    if (targetSchema.isPresent()) {
      List<ColumnSchema> schema = targetSchema.get();
      if (all.isPresent()) {
        for (int i = 0; i < schema.size() && i < all.get().size(); i++) {
          result.addAll(lineages(target, schema.get(i).name(), all.get().get(i).sources()));
        }
      } else {
        for (ColumnSchema c : schema) {
          ColumnSources s = query.hasColumn(c.name()) || query.isOpen() ? query.resolve(List.of(c.name())) : null;
          if (s != null) {
            result.addAll(lineages(target, c.name(), s));
          }
        }
      }
      return result;
    }
    for (OutputColumn c : query.knownColumns()) {
      result.addAll(lineages(target, c.name(), c.sources()));
    }
    out.unresolved.addAll(query.openStars());
    return result;
  }

  /**
   * The lineage of one target column; a STRUCT built in the query is written field by field ({@code s.x},
   * {@code s.y}, nested fields as {@code s.x.z}), each with its own sources.
   */
  static List<ColumnLineage> lineages(String target, String column, ColumnSources sources) {
    List<ColumnLineage> out = new ArrayList<>();
    addLineages(target == null ? column : target + "." + column, sources, out);
    return out;
  }

  private static void addLineages(String name, ColumnSources sources, List<ColumnLineage> out) {
    if (sources.fields().isEmpty()) {
      out.add(new ColumnLineage(name, List.copyOf(sources.columns()), sources.derivation()));
      return;
    }
    sources.fields().forEach((field, s) -> addLineages(name + "." + field, s, out));
  }
}
