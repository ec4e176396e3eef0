package corpus.indexer.index;

import corpus.indexer.model.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.util.BytesRef;

/**
 * The compact record of a table's fields that its catalog document stores: one line per field
 * (path, type, mode, description, personal-data categories), so search can name the fields that
 * matched, list fields as results and complete field names without a document per field and
 * without parsing the table's JSON.
 *
 * <pre>{@code
 * String stored = FieldRows.encode(table.flatFields(), categories);
 * List<FieldRows.Row> rows = FieldRows.decode(stored);   // rows.get(0).path() == "user_id"
 * }</pre>
 */
public final class FieldRows {

  /** One field of a table, as search shows it. */
  public record Row(String path, String type, boolean repeated, String description, List<String> categories) {

    /** The last part of the path: {@code metric_name} of {@code actions_received.metric_name}. */
    public String name() {
      return path.substring(path.lastIndexOf('.') + 1);
    }

    /** The title of a field result: path, type, and REPEATED when it is an array. */
    public String title() {
      return path + " " + type + (repeated ? " REPEATED" : "");
    }
  }

  private FieldRows() {}

  /** Encodes the flat fields of a table with the categories of each (same order, same size). */
  public static String encode(List<Field.Flat> fields, List<List<String>> categories) {
    StringBuilder out = new StringBuilder(fields.size() * 48);
    for (int i = 0; i < fields.size(); i++) {
      Field.Flat f = fields.get(i);
      out.append(clean(f.path())).append('\t')
          .append(f.field().type()).append('\t')
          .append(f.field().isRepeated() ? 'R' : '-').append('\t')
          .append(f.field().description() == null ? "" : clean(f.field().description())).append('\t')
          .append(String.join(",", categories.get(i))).append('\n');
    }
    return out.toString();
  }

  /**
   * The stored field of an encoded record: UTF-8 bytes, which the JDK converts at once, where a
   * stored string would be converted character by character.
   */
  static StoredField field(String encoded) {
    return new StoredField(IndexFields.FIELDS, new BytesRef(encoded.getBytes(StandardCharsets.UTF_8)));
  }

  /** The rows a table's stored document records (bytes, or text in catalogs written before); none if absent. */
  public static List<Row> of(Document doc) {
    BytesRef bytes = doc.getBinaryValue(IndexFields.FIELDS);
    return decode(bytes != null
        ? new String(bytes.bytes, bytes.offset, bytes.length, StandardCharsets.UTF_8)
        : doc.get(IndexFields.FIELDS));
  }

  /** The rows of an encoded record; an empty or null record has none. */
  public static List<Row> decode(String encoded) {
    List<Row> rows = new ArrayList<>();
    if (encoded == null || encoded.isEmpty()) {
      return rows;
    }
    int start = 0;
    while (start < encoded.length()) {
      int end = encoded.indexOf('\n', start);
      if (end < 0) {
        end = encoded.length();
      }
      String[] parts = encoded.substring(start, end).split("\t", -1);
      if (parts.length == 5) {
        List<String> categories = parts[4].isEmpty() ? List.of() : List.of(parts[4].split(","));
        rows.add(new Row(parts[0], parts[1], parts[2].equals("R"), parts[3].isEmpty() ? null : parts[3], categories));
      }
      start = end + 1;
    }
    return rows;
  }

  private static String clean(String text) {
    return text.indexOf('\t') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0
        ? text : text.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
  }
}
