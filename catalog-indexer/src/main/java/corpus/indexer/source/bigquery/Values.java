package corpus.indexer.source.bigquery;

import com.google.cloud.bigquery.FieldList;
import com.google.cloud.bigquery.FieldValue;
import com.google.cloud.bigquery.FieldValueList;
import com.google.cloud.bigquery.LegacySQLTypeName;
import com.google.cloud.bigquery.Schema;
import com.google.cloud.bigquery.StandardSQLTypeName;
import corpus.indexer.model.Field;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders BigQuery result values as display strings and converts schemas between the client and
 * the catalog model.
 */
final class Values {

  private Values() {}

  static List<String> row(FieldValueList row, FieldList fields) {
    List<String> out = new ArrayList<>(row.size());
    for (int i = 0; i < row.size(); i++) {
      out.add(render(row.get(i), fields == null || i >= fields.size() ? null : fields.get(i)));
    }
    return out;
  }

  static String render(FieldValue value, com.google.cloud.bigquery.Field field) {
    if (value == null || value.isNull()) {
      return null;
    }
    return switch (value.getAttribute()) {
      case REPEATED -> {
        List<String> items = new ArrayList<>();
        com.google.cloud.bigquery.Field element = field == null ? null
            : field.toBuilder().setMode(com.google.cloud.bigquery.Field.Mode.NULLABLE).build();
        for (FieldValue v : value.getRepeatedValue()) {
          items.add(render(v, element));
        }
        yield "[" + String.join(", ", items.stream().map(String::valueOf).toList()) + "]";
      }
      case RECORD -> {
        FieldValueList rec = value.getRecordValue();
        FieldList sub = field == null ? null : field.getSubFields();
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < rec.size(); i++) {
          com.google.cloud.bigquery.Field f = sub == null || i >= sub.size() ? null : sub.get(i);
          parts.add((f == null ? String.valueOf(i) : f.getName()) + ": " + render(rec.get(i), f));
        }
        yield "{" + String.join(", ", parts) + "}";
      }
      default -> field != null && LegacySQLTypeName.TIMESTAMP.equals(field.getType())
          ? value.getTimestampInstant().toString() : value.getStringValue();
    };
  }

  /** The catalog form of a client schema. */
  static List<Field> fields(Schema schema) {
    return TableMapper.schema(schema);
  }

  /** The client form of catalog fields, to read rows of a result whose schema we kept. */
  static Schema schema(List<Field> fields) {
    return Schema.of(clientFields(fields));
  }

  private static List<com.google.cloud.bigquery.Field> clientFields(List<Field> fields) {
    List<com.google.cloud.bigquery.Field> out = new ArrayList<>();
    for (Field f : fields) {
      StandardSQLTypeName type = f.isRecord() ? StandardSQLTypeName.STRUCT : standard(f.type());
      com.google.cloud.bigquery.Field.Builder b = f.isRecord()
          ? com.google.cloud.bigquery.Field.newBuilder(f.name(), type,
              clientFields(f.fields()).toArray(com.google.cloud.bigquery.Field[]::new))
          : com.google.cloud.bigquery.Field.newBuilder(f.name(), type);
      b.setMode(com.google.cloud.bigquery.Field.Mode.valueOf(f.mode()));
      out.add(b.build());
    }
    return out;
  }

  private static StandardSQLTypeName standard(String type) {
    try {
      return StandardSQLTypeName.valueOf(type);
    } catch (IllegalArgumentException e) {
      return StandardSQLTypeName.STRING;
    }
  }
}
