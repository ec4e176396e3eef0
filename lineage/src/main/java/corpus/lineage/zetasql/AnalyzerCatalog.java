package corpus.lineage.zetasql;

import com.google.zetasql.Analyzer;
import com.google.zetasql.AnalyzerOptions;
import com.google.zetasql.Function;
import com.google.zetasql.SimpleCatalog;
import com.google.zetasql.SimpleColumn;
import com.google.zetasql.SimpleTable;
import com.google.zetasql.StructType;
import com.google.zetasql.Type;
import com.google.zetasql.TypeFactory;
import com.google.zetasql.ZetaSQLBuiltinFunctionOptions;
import com.google.zetasql.ZetaSQLType.TypeKind;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedStatement;
import corpus.lineage.ColumnSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A ZetaSQL {@link SimpleCatalog} with the builtin functions and a set of tables, registered once with the native
 * library so that each {@link #analyze} refers to it by id instead of serialising every builtin function again.
 * Each table {@code p.d.t} is reachable as ZetaSQL looks names up: {@code p.d.t} (nested catalogs),
 * {@code `p.d.t`}, {@code d.t} and, in the default dataset, {@code t}; a short name two tables would share is left
 * to the first. Immutable once built; {@link #unregister} frees the native copy.
 */
final class AnalyzerCatalog {
  private final SimpleCatalog root;
  private final Map<String, List<ColumnSchema>> tables;
  private final Map<String, String> shortNames;

  private AnalyzerCatalog(SimpleCatalog root, Map<String, List<ColumnSchema>> tables, Map<String, String> shortNames) {
    this.root = root;
    this.tables = tables;
    this.shortNames = shortNames;
  }

  /**
   * A registered catalog with {@code tables} (id to columns), or null when an id is not
   * {@code project.dataset.table} or a column type is not understood.
   */
  static AnalyzerCatalog register(Map<String, List<ColumnSchema>> tables, String defaultProject,
      String defaultDataset) {
    SimpleCatalog root = new SimpleCatalog("corpus");
    root.addZetaSQLFunctionsAndTypes(new ZetaSQLBuiltinFunctionOptions(ZetaSqlParser.languageOptions()));
    Map<String, String> shortNames = new HashMap<>();
    for (Map.Entry<String, List<ColumnSchema>> e : tables.entrySet()) {
      String id = e.getKey();
      String[] parts = id.split("\\.");
      if (parts.length != 3) {
        return null;
      }
      List<SimpleColumn> columns = new ArrayList<>();
      for (ColumnSchema c : e.getValue()) {
        Type type = type(c);
        if (type == null) {
          return null;
        }
        columns.add(new SimpleColumn(id, c.name(), type));
      }
      SimpleTable table = new SimpleTable(id, columns);
      add(root, table, id, id, shortNames);
      add(root, table, parts[1] + "." + parts[2], id, shortNames);
      add(child(child(root, parts[0]), parts[1]), table, parts[2], id, null);
      add(child(root, parts[1]), table, parts[2], id, null);
      if (parts[1].equalsIgnoreCase(String.valueOf(defaultDataset))
          && parts[0].equalsIgnoreCase(String.valueOf(defaultProject))) {
        add(root, table, parts[2], id, shortNames);
      }
    }
    root.register();
    return new AnalyzerCatalog(root, Map.copyOf(tables), Map.copyOf(shortNames));
  }

  /**
   * Whether every table of {@code wanted} is in this catalog with the same columns, and each of their names leads
   * to the table it would lead to in a catalog of {@code wanted} alone (the first of them to claim it), so that a
   * statement over these tables resolves here exactly as in a catalog of its own.
   */
  boolean covers(Map<String, List<ColumnSchema>> wanted, String defaultProject, String defaultDataset) {
    Map<String, String> expected = new HashMap<>();
    for (Map.Entry<String, List<ColumnSchema>> e : wanted.entrySet()) {
      if (!Objects.equals(tables.get(e.getKey()), e.getValue())) {
        return false;
      }
      for (String name : names(e.getKey(), defaultProject, defaultDataset)) {
        expected.putIfAbsent(name, e.getKey());
      }
    }
    for (Map.Entry<String, String> e : expected.entrySet()) {
      if (!e.getValue().equals(shortNames.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether ZetaSQL's catalog of builtin functions (with the parser's language features) has a function called
   * {@code name} (case-insensitive, {@code NET.HOST} for namespaced ones; aliases such as {@code POW} included).
   */
  static boolean isBuiltinFunction(String name) {
    return BuiltinFunctions.NAMES.contains(name.toLowerCase(Locale.ROOT));
  }

  /** The names of the builtin functions, read once from the native library. */
  private static final class BuiltinFunctions {
    static final Set<String> NAMES = names();

    private static Set<String> names() {
      SimpleCatalog catalog = new SimpleCatalog("builtins");
      catalog.addZetaSQLFunctionsAndTypes(new ZetaSQLBuiltinFunctionOptions(ZetaSqlParser.languageOptions()));
      Set<String> names = new HashSet<>();
      for (String n : catalog.getFunctionNameList()) {
        names.add(n.substring(n.indexOf(':') + 1).toLowerCase(Locale.ROOT));
      }
      for (Function f : catalog.getFunctionList()) {
        names.add(f.getFullName(false).toLowerCase(Locale.ROOT));
        if (f.getOptions().hasAliasName()) {
          names.add(f.getOptions().getAliasName().toLowerCase(Locale.ROOT));
        }
      }
      return Set.copyOf(names);
    }
  }

  /** The tables of this catalog, id to columns. */
  Map<String, List<ColumnSchema>> tables() {
    return tables;
  }

  /** Resolves one statement; throws {@link com.google.zetasql.SqlException} when ZetaSQL rejects it. */
  ResolvedStatement analyze(String sql, AnalyzerOptions options) {
    return Analyzer.analyzeStatement(sql, options, root);
  }

  /** Frees the native copy of this catalog; it must not be used afterwards. */
  void unregister() {
    if (root.isRegistered()) {
      root.unregister();
    }
  }

  private static List<String> names(String id, String defaultProject, String defaultDataset) {
    String[] parts = id.toLowerCase(Locale.ROOT).split("\\.");
    List<String> names = new ArrayList<>(List.of(String.join(".", parts), parts[1] + "." + parts[2]));
    if (parts[1].equalsIgnoreCase(String.valueOf(defaultDataset))
        && parts[0].equalsIgnoreCase(String.valueOf(defaultProject))) {
      names.add(parts[2]);
    }
    return names;
  }

  private static void add(SimpleCatalog catalog, SimpleTable table, String name, String id,
      Map<String, String> shortNames) {
    if (catalog.getTable(name, null) == null) {
      catalog.addSimpleTable(name, table);
      if (shortNames != null) {
        shortNames.put(name.toLowerCase(Locale.ROOT), id);
      }
    }
  }

  private static SimpleCatalog child(SimpleCatalog parent, String name) {
    SimpleCatalog existing = parent.getCatalog(name, null);
    return existing != null ? existing : parent.addNewSimpleCatalog(name);
  }

  /** The columns of {@code tableIds} from {@code schemas}, in their order; null when one is unknown. */
  static Map<String, List<ColumnSchema>> schemasOf(List<String> tableIds, corpus.lineage.SchemaProvider schemas) {
    Map<String, List<ColumnSchema>> out = new LinkedHashMap<>();
    for (String id : tableIds) {
      var columns = schemas.columns(id);
      if (columns.isEmpty()) {
        return null;
      }
      out.putIfAbsent(id, columns.get());
    }
    return out;
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
