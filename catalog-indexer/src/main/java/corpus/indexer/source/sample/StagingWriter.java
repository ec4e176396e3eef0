package corpus.indexer.source.sample;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Writes rows generated in Java into tables of one schema with DuckDB's appender: the staging
 * tables of {@code _gen} that the spec's SQL shapes into the sample's tables (dropped when
 * generation ends), and the metadata tables of {@code _corpus_meta}.
 */
final class StagingWriter {

  static final String SCHEMA = "_gen";

  private final DuckDBConnection connection;
  private final String schema;

  StagingWriter(Connection connection) throws SQLException {
    this(connection, SCHEMA);
  }

  StagingWriter(Connection connection, String schema) throws SQLException {
    this.connection = connection.unwrap(DuckDBConnection.class);
    this.schema = schema;
    try (Statement s = connection.createStatement()) {
      s.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
    }
  }

  /** Creates {@code schema.name} with the given column definitions and opens it for appending. */
  Table open(String name, String columns) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("CREATE OR REPLACE TABLE " + schema + "." + name + " (" + columns + ")");
    }
    return new Table(connection.createAppender(schema, name));
  }

  /** One staging table being filled; close it to flush. */
  static final class Table implements AutoCloseable {
    private final DuckDBAppender appender;
    private long rows;

    private Table(DuckDBAppender appender) {
      this.appender = appender;
    }

    /** Appends one row; values are String, Integer, Long, Double, Boolean, BigDecimal, LocalDate,
     * LocalDateTime, OffsetDateTime or null, in column order. */
    void row(Object... values) throws SQLException {
      appender.beginRow();
      for (Object v : values) {
        switch (v) {
          case null -> appender.appendNull();
          case String s -> appender.append(s);
          case Integer i -> appender.append(i.intValue());
          case Long l -> appender.append(l.longValue());
          case Double d -> appender.append(d.doubleValue());
          case Boolean b -> appender.append(b.booleanValue());
          case BigDecimal d -> appender.append(d);
          case LocalDate d -> appender.append(d);
          case LocalDateTime t -> appender.append(t);
          case OffsetDateTime t -> appender.append(t);
          default -> throw new IllegalArgumentException("cannot stage a " + v.getClass());
        }
      }
      appender.endRow();
      rows++;
    }

    long rows() {
      return rows;
    }

    @Override
    public void close() throws SQLException {
      appender.close();
    }
  }
}
