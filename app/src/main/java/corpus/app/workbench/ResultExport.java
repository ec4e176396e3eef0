package corpus.app.workbench;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import corpus.indexer.warehouse.QueryResult;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes query results to a file: CSV (RFC 4180, a header row, nested values as JSON, NULL as an empty field) or
 * JSON (an array of objects, one per row, nested values as JSON objects and arrays). Blocking: call it off the
 * UI thread.
 */
public final class ResultExport {

  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

  private ResultExport() {}

  /** The formats a result can be saved in. */
  public enum Format {
    CSV("csv"), JSON("json");

    private final String extension;

    Format(String extension) {
      this.extension = extension;
    }

    public String extension() {
      return extension;
    }
  }

  public static void write(QueryResult result, Format format, Path file) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      if (format == Format.CSV) {
        csv(result, out);
      } else {
        json(result, out);
      }
    }
  }

  static void csv(QueryResult result, Writer out) throws IOException {
    List<QueryResult.Column> columns = result.columns();
    for (int i = 0; i < columns.size(); i++) {
      out.write((i == 0 ? "" : ",") + quote(columns.get(i).name()));
    }
    out.write("\r\n");
    for (List<Object> row : result.rows()) {
      for (int i = 0; i < row.size(); i++) {
        out.write((i == 0 ? "" : ",") + quote(csvValue(row.get(i))));
      }
      out.write("\r\n");
    }
  }

  static void json(QueryResult result, Writer out) throws IOException {
    List<QueryResult.Column> columns = result.columns();
    out.write("[");
    boolean first = true;
    for (List<Object> row : result.rows()) {
      Map<String, Object> object = new LinkedHashMap<>();
      for (int i = 0; i < row.size(); i++) {
        object.put(columns.get(i).name(), row.get(i));
      }
      out.write(first ? "\n  " : ",\n  ");
      JSON.writeValue(out, object);
      first = false;
    }
    out.write(first ? "]\n" : "\n]\n");
  }

  private static String csvValue(Object value) throws IOException {
    if (value == null) {
      return "";
    }
    if (value instanceof List<?> || value instanceof Map<?, ?>) {
      return JSON.writeValueAsString(value);
    }
    return ValueText.of(value);
  }

  private static String quote(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
