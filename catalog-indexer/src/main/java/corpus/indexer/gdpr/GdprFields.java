package corpus.indexer.gdpr;

import corpus.gdpr.detect.FieldContext;
import corpus.indexer.model.Field;
import corpus.indexer.model.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns catalog tables into what the GDPR classifier reads: one {@link FieldContext} per field
 * (nested ones with their dotted path), with the field and table descriptions and the names of
 * the table's other fields as context. Needs no data: names, descriptions and types only.
 */
public final class GdprFields {

  private GdprFields() {}

  /** Every field of every table of the catalog, in table then schema order. */
  public static List<FieldContext> of(CatalogSnapshot catalog) {
    List<FieldContext> out = new ArrayList<>();
    for (Table t : catalog.tables()) {
      out.addAll(of(t));
    }
    return out;
  }

  /** Every field of one table, parents before children. */
  public static List<FieldContext> of(Table table) {
    List<Field.Flat> flat = table.flatFields();
    List<String> names = flat.stream().map(Field.Flat::path).toList();
    List<FieldContext> out = new ArrayList<>(flat.size());
    for (Field.Flat f : flat) {
      out.add(context(table, f, names));
    }
    return out;
  }

  /** One field with its table's context; {@code siblings} are all field paths of the table. */
  public static FieldContext context(Table table, Field.Flat field, List<String> siblings) {
    List<String> others = siblings.stream().filter(s -> !s.equals(field.path())).toList();
    return new FieldContext(table.id().toString(), field.path(), field.field().type(), field.field().mode(),
        field.field().description(), table.description(), others);
  }

  /** The path of the outermost REPEATED record holding {@code path}, or {@code null}. */
  public static String repeatedPrefix(Table table, String path) {
    for (Field.Flat f : table.flatFields()) {
      if (f.field().isRepeated() && f.field().isRecord() && path.startsWith(f.path() + ".")) {
        return f.path();
      }
    }
    return null;
  }
}
