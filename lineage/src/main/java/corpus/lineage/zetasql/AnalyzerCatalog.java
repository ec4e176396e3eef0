package corpus.lineage.zetasql;

import com.google.zetasql.Analyzer;
import com.google.zetasql.AnalyzerOptions;
import com.google.zetasql.SimpleCatalog;
import com.google.zetasql.SimpleColumn;
import com.google.zetasql.SimpleTable;
import com.google.zetasql.StructType;
import com.google.zetasql.Type;
import com.google.zetasql.TypeFactory;
import com.google.zetasql.ZetaSQLBuiltinFunctionOptions;
import com.google.zetasql.ZetaSQLType.TypeKind;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedStatement;
import corpus.lineage.AnalysisContext;
import corpus.lineage.ColumnSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A ZetaSQL {@link SimpleCatalog} with the builtin functions and the tables of one statement, built from the
 * schemas of an {@link AnalysisContext}. Each table {@code p.d.t} is reachable as ZetaSQL looks names up:
 * {@code p.d.t} (nested catalogs), {@code `p.d.t`}, {@code d.t} and, in the default dataset, {@code t}.
 */
final class AnalyzerCatalog {
  private final SimpleCatalog root;

  private AnalyzerCatalog(SimpleCatalog root) {
    this.root = root;
  }

  /** A catalog with {@code tables}, or null when a table has no schema or a column type is not understood. */
  static AnalyzerCatalog of(List<String> tableIds, AnalysisContext context) {
    SimpleCatalog root = new SimpleCatalog("corpus");
    root.addZetaSQLFunctionsAndTypes(new ZetaSQLBuiltinFunctionOptions(ZetaSqlParser.languageOptions()));
    for (String id : tableIds) {
      String[] parts = id.split("\\.");
      Optional<List<ColumnSchema>> schema = context.schemas().columns(id);
      if (parts.length != 3 || schema.isEmpty()) {
        return null;
      }
      List<SimpleColumn> columns = new ArrayList<>();
      for (ColumnSchema c : schema.get()) {
        Type type = type(c);
        if (type == null) {
          return null;
        }
        columns.add(new SimpleColumn(id, c.name(), type));
      }
      SimpleTable table = new SimpleTable(id, columns);
      add(root, table, id);
      add(root, table, parts[1] + "." + parts[2]);
      add(child(child(root, parts[0]), parts[1]), table, parts[2]);
      add(child(root, parts[1]), table, parts[2]);
      if (parts[1].equalsIgnoreCase(String.valueOf(context.defaultDataset()))
          && parts[0].equalsIgnoreCase(String.valueOf(context.defaultProject()))) {
        add(root, table, parts[2]);
      }
    }
    return new AnalyzerCatalog(root);
  }

  /** Resolves one statement; throws {@link com.google.zetasql.SqlException} when ZetaSQL rejects it. */
  ResolvedStatement analyze(String sql, AnalyzerOptions options) {
    return Analyzer.analyzeStatement(sql, options, root);
  }

  private static void add(SimpleCatalog catalog, SimpleTable table, String name) {
    if (catalog.getTable(name, null) == null) {
      catalog.addSimpleTable(name, table);
    }
  }

  private static SimpleCatalog child(SimpleCatalog parent, String name) {
    SimpleCatalog existing = parent.getCatalog(name, null);
    return existing != null ? existing : parent.addNewSimpleCatalog(name);
  }

  private static Type type(ColumnSchema c) {
    Type base;
    if (!c.fields().isEmpty()) {
      List<StructType.StructField> fields = new ArrayList<>();
      for (ColumnSchema f : c.fields()) {
        Type t = type(f);
        if (t == null) {
          return null;
        }
        fields.add(new StructType.StructField(f.name(), t));
      }
      base = TypeFactory.createStructType(fields);
    } else {
      TypeKind kind = switch (c.type().toUpperCase(Locale.ROOT)) {
        case "STRING" -> TypeKind.TYPE_STRING;
        case "BYTES" -> TypeKind.TYPE_BYTES;
        case "INT64", "INTEGER", "INT" -> TypeKind.TYPE_INT64;
        case "FLOAT64", "FLOAT" -> TypeKind.TYPE_DOUBLE;
        case "NUMERIC" -> TypeKind.TYPE_NUMERIC;
        case "BIGNUMERIC" -> TypeKind.TYPE_BIGNUMERIC;
        case "BOOL", "BOOLEAN" -> TypeKind.TYPE_BOOL;
        case "DATE" -> TypeKind.TYPE_DATE;
        case "DATETIME" -> TypeKind.TYPE_DATETIME;
        case "TIME" -> TypeKind.TYPE_TIME;
        case "TIMESTAMP" -> TypeKind.TYPE_TIMESTAMP;
        case "GEOGRAPHY" -> TypeKind.TYPE_GEOGRAPHY;
        case "JSON" -> TypeKind.TYPE_JSON;
        case "INTERVAL" -> TypeKind.TYPE_INTERVAL;
        default -> null;
      };
      if (kind == null) {
        return null;
      }
      base = TypeFactory.createSimpleType(kind);
    }
    return c.repeated() ? TypeFactory.createArrayType(base) : base;
  }
}
