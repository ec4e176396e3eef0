package corpus.indexer.warehouse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import corpus.indexer.model.Table;
import corpus.indexer.model.TimePartitioning;
import corpus.indexer.source.duckdb.DuckDbTypeParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exact BigQuery data sizes of the tables of a DuckDB warehouse, per partition and column path, collected once
 * per table with one aggregate query and cached: in memory, and as JSON files in a cache folder keyed by the
 * warehouse file's size and modification time, so that later runs (and every keystroke) read them back in
 * milliseconds. Only sizes are stored, never a value.
 */
final class DuckDbSizes {
  private static final Logger LOG = LoggerFactory.getLogger(DuckDbSizes.class);
  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private final Path cacheDir;
  private final Map<String, Optional<TableSizes>> memory = new ConcurrentHashMap<>();

  DuckDbSizes(Path warehouseFile, Path cacheRoot) throws IOException {
    String key = warehouseFile.getFileName() + "-" + Files.size(warehouseFile) + "-"
        + Files.getLastModifiedTime(warehouseFile).toMillis();
    this.cacheDir = cacheRoot.resolve(key);
  }

  /** The sizes of {@code table} when already in memory, else null (no connection needed). */
  Optional<TableSizes> cached(Table table) {
    return memory.get(table.id().toString());
  }

  /** The sizes of {@code table}, collected through {@code connection} on first use; empty for a view. */
  Optional<TableSizes> sizes(Connection connection, Table table) throws IOException {
    String id = table.id().toString();
    Optional<TableSizes> cached = memory.get(id);
    if (cached != null) {
      return cached;
    }
    synchronized (this) {
      cached = memory.get(id);
      if (cached != null) {
        return cached;
      }
      Optional<TableSizes> sizes = readCache(id);
      if (sizes.isEmpty()) {
        sizes = collect(connection, table);
        sizes.ifPresent(s -> writeCache(id, s));
      }
      memory.put(id, sizes);
      return sizes;
    }
  }

  private Optional<TableSizes> readCache(String id) {
    Path file = cacheDir.resolve(id + ".json");
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readValue(file.toFile(), TableSizes.class));
    } catch (IOException e) {
      LOG.warn("ignoring unreadable size cache {}: {}", file, e.getMessage());
      return Optional.empty();
    }
  }

  private void writeCache(String id, TableSizes sizes) {
    try {
      Files.createDirectories(cacheDir);
      Path tmp = Files.createTempFile(cacheDir, id, ".tmp");
      JSON.writeValue(tmp.toFile(), sizes);
      Files.move(tmp, cacheDir.resolve(id + ".json"), StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      LOG.warn("cannot write the size cache in {}: {}", cacheDir, e.getMessage());
    }
  }

  private static Optional<TableSizes> collect(Connection c, Table table) throws IOException {
    String schema = table.id().dataset();
    String name = table.id().table();
    long started = System.nanoTime();
    try {
      List<PathSizeSql.PathSize> paths = new ArrayList<>();
      try (PreparedStatement p = c.prepareStatement("SELECT column_name, data_type FROM duckdb_columns() "
          + "WHERE database_name = current_database() AND schema_name = ? AND table_name = ? "
          + "AND table_oid IN (SELECT table_oid FROM duckdb_tables()) ORDER BY column_index")) {
        p.setString(1, schema);
        p.setString(2, name);
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            paths.addAll(PathSizeSql.all(r.getString(1), DuckDbTypeParser.parse(r.getString(2))));
          }
        }
      }
      if (paths.isEmpty()) {
        return Optional.empty();
      }
      TimePartitioning tp = table.timePartitioning();
      String key = tp == null || tp.field() == null ? "NULL" : partitionKey(tp);
      StringBuilder sql = new StringBuilder("SELECT ").append(key).append(" AS k, count(*)");
      for (PathSizeSql.PathSize ps : paths) {
        sql.append(", CAST(sum(").append(ps.sql()).append(") AS BIGINT)");
      }
      sql.append(" FROM ").append(PathSizeSql.quote(schema)).append('.').append(PathSizeSql.quote(name))
          .append(" GROUP BY 1 ORDER BY 1");
      List<TableSizes.Partition> partitions = new ArrayList<>();
      try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql.toString())) {
        while (r.next()) {
          Map<String, Long> bytes = new HashMap<>();
          for (int i = 0; i < paths.size(); i++) {
            bytes.put(paths.get(i).path(), r.getLong(3 + i));
          }
          partitions.add(partition(tp, r.getString(1), r.getLong(2), bytes));
        }
      }
      if (partitions.isEmpty()) {
        partitions.add(new TableSizes.Partition(tp == null ? null : "__NULL__", null, null, 0, Map.of()));
      }
      LOG.info("collected data sizes of {} ({} partitions, {} column paths) in {} ms", table.id(),
          partitions.size(), paths.size(), (System.nanoTime() - started) / 1_000_000);
      return Optional.of(new TableSizes(table.id().toString(), partitions, true));
    } catch (SQLException e) {
      throw new IOException("cannot compute the data sizes of " + table.id() + ": "
          + e.getMessage().lines().findFirst().orElse(""), e);
    }
  }

  private static String partitionKey(TimePartitioning tp) {
    String format = switch (tp.type()) {
      case "HOUR" -> "%Y%m%d%H";
      case "MONTH" -> "%Y%m";
      case "YEAR" -> "%Y";
      default -> "%Y%m%d";
    };
    return "strftime(CAST(" + PathSizeSql.quote(tp.field()) + " AS TIMESTAMP), '" + format + "')";
  }

  private static TableSizes.Partition partition(TimePartitioning tp, String key, long rows, Map<String, Long> bytes) {
    if (tp == null) {
      return new TableSizes.Partition(null, null, null, rows, bytes);
    }
    if (key == null) {
      return new TableSizes.Partition("__NULL__", null, null, rows, bytes);
    }
    LocalDateTime start;
    LocalDateTime end;
    switch (tp.type()) {
      case "HOUR" -> {
        start = LocalDateTime.parse(key, DateTimeFormatter.ofPattern("yyyyMMddHH"));
        end = start.plusHours(1);
      }
      case "MONTH" -> {
        start = LocalDate.parse(key + "01", DateTimeFormatter.BASIC_ISO_DATE).atStartOfDay();
        end = start.plusMonths(1);
      }
      case "YEAR" -> {
        start = LocalDate.parse(key + "0101", DateTimeFormatter.BASIC_ISO_DATE).atStartOfDay();
        end = start.plusYears(1);
      }
      default -> {
        start = LocalDate.parse(key, DateTimeFormatter.BASIC_ISO_DATE).atStartOfDay();
        end = start.plusDays(1);
      }
    }
    return new TableSizes.Partition(key, start, end, rows, bytes);
  }
}
