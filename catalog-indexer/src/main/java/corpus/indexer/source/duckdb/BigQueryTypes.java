package corpus.indexer.source.duckdb;

import corpus.indexer.model.Field;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps DuckDB types to the BigQuery field a table would have if it lived in BigQuery: scalars to
 * BigQuery's standard SQL types, STRUCTs to RECORDs, lists to REPEATED fields, MAPs to REPEATED
 * RECORDs of key and value. A list of lists becomes a REPEATED RECORD with one REPEATED field
 * {@code element}, the shape BigQuery itself requires for arrays of arrays.
 */
public final class BigQueryTypes {

  private BigQueryTypes() {}

  /** The field called {@code name} of DuckDB type {@code type}, without descriptions. */
  public static Field field(String name, DuckDbType type) {
    return switch (type) {
      case DuckDbType.Scalar s -> new Field(name, scalar(s), "NULLABLE", null, List.of(), List.of());
      case DuckDbType.Struct s -> new Field(name, "RECORD", "NULLABLE", null, List.of(), members(s.members()));
      case DuckDbType.Union u -> new Field(name, "RECORD", "NULLABLE", null, List.of(), members(u.members()));
      case DuckDbType.MapOf m -> new Field(name, "RECORD", "REPEATED", null, List.of(),
          List.of(field("key", m.key()), field("value", m.value())));
      case DuckDbType.ListOf l -> repeated(name, l.element());
    };
  }

  private static Field repeated(String name, DuckDbType element) {
    return switch (element) {
      case DuckDbType.Scalar s -> new Field(name, scalar(s), "REPEATED", null, List.of(), List.of());
      case DuckDbType.Struct s -> new Field(name, "RECORD", "REPEATED", null, List.of(), members(s.members()));
      case DuckDbType.Union u -> new Field(name, "RECORD", "REPEATED", null, List.of(), members(u.members()));
      case DuckDbType.ListOf l -> new Field(name, "RECORD", "REPEATED", null, List.of(), List.of(field("element", l)));
      case DuckDbType.MapOf m -> new Field(name, "RECORD", "REPEATED", null, List.of(), List.of(field("element", m)));
    };
  }

  private static List<Field> members(List<DuckDbType.Member> members) {
    List<Field> out = new ArrayList<>(members.size());
    for (DuckDbType.Member m : members) {
      out.add(field(m.name(), m.type()));
    }
    return out;
  }

  /** BigQuery's name for a DuckDB scalar type. */
  public static String scalar(DuckDbType.Scalar s) {
    return switch (s.name()) {
      case "VARCHAR", "TEXT", "STRING", "CHAR", "BPCHAR", "NVARCHAR", "UUID", "ENUM", "NULL" -> "STRING";
      case "BIGINT", "INTEGER", "INT", "INT8", "INT4", "INT2", "INT1", "LONG", "SMALLINT", "TINYINT",
          "UINTEGER", "USMALLINT", "UTINYINT", "SIGNED", "SHORT" -> "INT64";
      case "UBIGINT" -> "NUMERIC";
      case "HUGEINT", "UHUGEINT", "INT128", "UINT128", "VARINT", "BIGNUM" -> "BIGNUMERIC";
      case "DOUBLE", "FLOAT", "REAL", "FLOAT4", "FLOAT8", "DOUBLE PRECISION" -> "FLOAT64";
      case "BOOLEAN", "BOOL", "LOGICAL" -> "BOOL";
      case "DECIMAL", "NUMERIC" -> decimal(s.params());
      case "BLOB", "BYTEA", "BINARY", "VARBINARY", "BIT", "BITSTRING" -> "BYTES";
      case "DATE" -> "DATE";
      case "TIME", "TIME WITH TIME ZONE", "TIMETZ" -> "TIME";
      case "TIMESTAMP WITH TIME ZONE", "TIMESTAMPTZ" -> "TIMESTAMP";
      case "TIMESTAMP", "DATETIME", "TIMESTAMP_S", "TIMESTAMP_MS", "TIMESTAMP_NS", "TIMESTAMP_US",
          "TIMESTAMP WITHOUT TIME ZONE" -> "DATETIME";
      case "INTERVAL" -> "INTERVAL";
      case "JSON" -> "JSON";
      case "GEOMETRY" -> "GEOGRAPHY";
      default -> "STRING";
    };
  }

  /** NUMERIC holds 38 digits with 9 after the point; anything wider needs BIGNUMERIC. */
  private static String decimal(List<String> params) {
    if (params.size() < 2) {
      return "NUMERIC";
    }
    try {
      int precision = Integer.parseInt(params.get(0).strip());
      int scale = Integer.parseInt(params.get(1).strip());
      return scale <= 9 && precision - scale <= 29 ? "NUMERIC" : "BIGNUMERIC";
    } catch (NumberFormatException e) {
      return "NUMERIC";
    }
  }
}
