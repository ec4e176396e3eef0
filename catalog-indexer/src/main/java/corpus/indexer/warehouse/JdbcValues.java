package corpus.indexer.warehouse;

import corpus.indexer.model.Field;
import corpus.indexer.source.duckdb.BigQueryTypes;
import corpus.indexer.source.duckdb.DuckDbTypeParser;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Blob;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Struct;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBStruct;

/** Converts DuckDB JDBC rows into the typed values and BigQuery column types of a {@link QueryResult}. */
final class JdbcValues {

  private JdbcValues() {}

  static List<QueryResult.Column> columns(ResultSetMetaData m) throws SQLException {
    List<QueryResult.Column> out = new ArrayList<>();
    for (int i = 1; i <= m.getColumnCount(); i++) {
      String type;
      try {
        Field f = BigQueryTypes.field(m.getColumnLabel(i), DuckDbTypeParser.parse(m.getColumnTypeName(i)));
        String base = f.isRecord() ? "STRUCT" : f.type();
        type = f.isRepeated() ? "ARRAY<" + base + ">" : base;
      } catch (RuntimeException e) {
        type = m.getColumnTypeName(i);
      }
      out.add(new QueryResult.Column(m.getColumnLabel(i), type));
    }
    return out;
  }

  static List<Object> row(ResultSet r, int columns) throws SQLException {
    List<Object> row = new ArrayList<>(columns);
    for (int i = 1; i <= columns; i++) {
      row.add(value(r.getObject(i)));
    }
    return row;
  }

  static Object value(Object v) throws SQLException {
    return switch (v) {
      case null -> null;
      case Integer i -> i.longValue();
      case Short s -> s.longValue();
      case Byte b -> b.longValue();
      case Float f -> f.doubleValue();
      case java.math.BigInteger b -> new BigDecimal(b);
      case java.sql.Date d -> d.toLocalDate();
      case java.sql.Timestamp t -> t.toLocalDateTime();
      case OffsetDateTime o -> o.withOffsetSameInstant(ZoneOffset.UTC);
      case LocalDate d -> d;
      case LocalDateTime d -> d;
      case DuckDBStruct s -> {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : s.getMap().entrySet()) {
          out.put(e.getKey(), value(e.getValue()));
        }
        yield out;
      }
      case Struct s -> {
        List<Object> out = new ArrayList<>();
        for (Object o : s.getAttributes()) {
          out.add(value(o));
        }
        yield out;
      }
      case Array a -> {
        Object[] items = (Object[]) a.getArray();
        List<Object> out = new ArrayList<>(items.length);
        for (Object o : items) {
          out.add(value(o));
        }
        yield out;
      }
      case Blob b -> b.getBytes(1, (int) b.length());
      case java.util.UUID u -> u.toString();
      default -> v;
    };
  }
}
