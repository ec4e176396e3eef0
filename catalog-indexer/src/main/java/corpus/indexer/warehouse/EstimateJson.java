package corpus.indexer.warehouse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code corpus estimate --json} shape: {@code {"bytesProcessed", "bytesBilled", "costUsd", "tables":
 * [{"table", "columns", "partitionsScanned", "partitionsTotal", "bytes"}], "warnings": [...]}}, plus
 * {@code exact}, {@code dryRunBytes} (BigQuery), {@code problems} and {@code hints}.
 */
public final class EstimateJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private EstimateJson() {}

  public static String of(Estimate e) {
    Map<String, Object> out = new LinkedHashMap<>();
    CostEstimate c = e.cost();
    out.put("bytesProcessed", c == null ? null : c.bytesProcessed());
    out.put("bytesBilled", c == null ? null : c.bytesBilled());
    out.put("costUsd", c == null ? null : c.costUsd());
    List<Object> tables = new ArrayList<>();
    if (c != null) {
      for (TableCost t : c.tables()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("table", t.table());
        m.put("columns", t.columns());
        m.put("partitionsScanned", t.partitionsScanned());
        m.put("partitionsTotal", t.partitionsTotal());
        m.put("bytes", t.bytes());
        m.put("exact", t.exact());
        tables.add(m);
      }
    }
    out.put("tables", tables);
    out.put("warnings", c == null ? List.of() : c.warnings());
    out.put("exact", c != null && c.exact());
    out.put("dryRunBytes", c == null ? null : c.dryRunBytes());
    out.put("warehouse", e.warehouse());
    List<Object> problems = new ArrayList<>();
    for (Problem p : e.problems()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("message", p.message());
      m.put("line", p.line());
      m.put("column", p.column());
      m.put("blocking", p.blocking());
      problems.add(m);
    }
    out.put("problems", problems);
    List<Object> hints = new ArrayList<>();
    for (Hint h : e.hints()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("kind", h.kind().name().toLowerCase(java.util.Locale.ROOT));
      m.put("table", h.table());
      m.put("message", h.message());
      m.put("savedBytes", h.savedBytes());
      m.put("savedUsd", h.savedUsd());
      m.put("applicable", h.applicable());
      hints.add(m);
    }
    out.put("hints", hints);
    try {
      return JSON.writeValueAsString(out);
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException(ex);
    }
  }
}
