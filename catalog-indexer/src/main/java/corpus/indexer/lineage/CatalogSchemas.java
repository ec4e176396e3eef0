package corpus.indexer.lineage;

import corpus.indexer.model.Field;
import corpus.lineage.ColumnSchema;
import java.util.ArrayList;
import java.util.List;

/** Converts catalog schemas into the column schemas the SQL analyzer resolves against. */
public final class CatalogSchemas {

  private CatalogSchemas() {}

  /** The analyzer's view of a table schema, nested fields included. */
  public static List<ColumnSchema> columns(List<Field> schema) {
    List<ColumnSchema> out = new ArrayList<>(schema.size());
    for (Field f : schema) {
      out.add(new ColumnSchema(f.name(), f.type(), f.isRepeated(), columns(f.fields())));
    }
    return out;
  }
}
