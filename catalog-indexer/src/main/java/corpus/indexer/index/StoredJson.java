package corpus.indexer.index;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import corpus.indexer.model.CatalogJson;
import corpus.indexer.model.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.util.BytesRef;

/**
 * How catalog documents store model objects as JSON ({@link IndexFields#JSON}).
 *
 * <p>A table's JSON is the largest thing the catalog stores (each of its fields again, after
 * {@link FieldRows}), so it is kept compact: UTF-8 bytes as Jackson writes them (no string to
 * convert twice, once to hash and once to store), without empty lists and maps and without the
 * derived {@code record}/{@code repeated}/{@code partitioned} flags, which the model's records
 * restore when read. Other objects are stored as text. {@link #read} takes either.
 *
 * <pre>{@code
 * byte[] json = StoredJson.table(table);
 * doc.add(StoredJson.field(IndexFields.JSON, json));
 * Table back = StoredJson.read(stored, IndexFields.JSON, Table.class); // equals table
 * }</pre>
 */
public final class StoredJson {

  /** Writes compact JSON; reads either form (records ignore the derived flags of the older one). */
  private static final ObjectMapper COMPACT = compact();

  private StoredJson() {}

  private static ObjectMapper compact() {
    JsonMapper mapper = CatalogJson.builder()
        .disable(MapperFeature.AUTO_DETECT_IS_GETTERS) // isRecord(), isRepeated(), isPartitioned(): derived
        .build();
    // the model's records read a missing list or map as an empty one
    JsonInclude.Value nonEmpty = JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, JsonInclude.Include.NON_NULL);
    mapper.configOverride(List.class).setInclude(nonEmpty);
    mapper.configOverride(Map.class).setInclude(nonEmpty);
    return mapper;
  }

  /** The compact UTF-8 JSON of a table, as its document stores it. */
  public static byte[] table(Table table) {
    try {
      return COMPACT.writeValueAsBytes(table);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A stored field holding JSON bytes. */
  static StoredField field(String name, byte[] json) {
    return new StoredField(name, new BytesRef(json));
  }

  /** The object stored as JSON (bytes or text) in {@code field} of a document; null when absent. */
  public static <T> T read(Document doc, String field, Class<T> type) throws IOException {
    BytesRef bytes = doc.getBinaryValue(field);
    if (bytes != null) {
      return COMPACT.readValue(bytes.bytes, bytes.offset, bytes.length, type);
    }
    String text = doc.get(field);
    return text == null ? null : COMPACT.readValue(text, type);
  }
}
