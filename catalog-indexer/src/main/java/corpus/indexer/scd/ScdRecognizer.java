package corpus.indexer.scd;

import corpus.indexer.model.Dataset;
import corpus.indexer.model.Doc;
import corpus.indexer.model.DocSection;
import corpus.indexer.model.Field;
import corpus.indexer.model.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises SCD type 2 tables from their metadata alone (no query): the validity columns by name
 * ({@link ScdNames}), the entity key as declared (label {@code scd_key}, "Entity key: a, b" in the
 * description, field descriptions saying "entity key", a design document) or else inferred from
 * the schema, and the gap policy (label {@code scd_gaps}, or a sentence such as "Gaps are not
 * allowed"). An inferred key should then be checked with {@link KeyVerifier}.
 *
 * <pre>{@code
 * Optional<ScdTable> scd = new ScdRecognizer(ScdNames.DEFAULTS).recognize(table, dataset, docs);
 * scd.map(ScdTable::summary);   // "SCD type 2 · key: track_id, territory, rights_type"
 * }</pre>
 */
public final class ScdRecognizer {

  private static final Set<String> TIME_TYPES = Set.of("DATE", "DATETIME", "TIMESTAMP");
  private static final Set<String> BOOL = Set.of("BOOL");
  private static final Set<String> DBT_TECHNICAL = Set.of("dbt_scd_id", "dbt_updated_at");

  private final ScdNames names;

  public ScdRecognizer(ScdNames names) {
    this.names = names;
  }

  /** The SCD reading of a table without documents. */
  public Optional<ScdTable> recognize(Table table, Dataset dataset) {
    return recognize(table, dataset, List.of());
  }

  /**
   * The SCD reading of a table, or empty when its top-level columns lack a valid-from and a
   * valid-to column of a date or time type; {@code docs} are the design documents about it.
   */
  public Optional<ScdTable> recognize(Table table, Dataset dataset, List<Doc> docs) {
    return recognizeWithDocText(table, dataset, docText(table, docs));
  }

  /**
   * As {@link #recognize(Table, Dataset, List)}, with the text of the design documents about the
   * table already gathered (null when there is none), as the indexer holds it.
   */
  public Optional<ScdTable> recognizeWithDocText(Table table, Dataset dataset, String docText) {
    Field from = find(table, names.validFrom(), TIME_TYPES);
    Field to = find(table, names.validTo(), TIME_TYPES);
    if (from == null || to == null) {
      return Optional.empty();
    }
    Field current = find(table, names.current(), BOOL);
    Field deleted = find(table, names.deleted(), BOOL);
    ScdColumns columns = new ScdColumns(from.name(), to.name(), current == null ? null : current.name(),
        deleted == null ? null : deleted.name(), from.type());
    ScdKey key = declaredKey(table, docText).orElseGet(() -> inferredKey(table, columns));
    return Optional.of(new ScdTable(table.id(), columns, key, gapPolicy(table, dataset, docText)));
  }

  /** The top-level column named by the earliest of {@code candidates} (lower case) with one of {@code types}. */
  private static Field find(Table table, List<String> candidates, Set<String> types) {
    Field found = null;
    int rank = Integer.MAX_VALUE;
    for (Field f : table.schema()) {
      if (types.contains(f.type()) && !f.isRepeated()) { // few columns pass this; only they are named
        int r = candidates.indexOf(f.name().toLowerCase(Locale.ROOT));
        if (r >= 0 && r < rank) {
          found = f;
          rank = r;
        }
      }
    }
    return found;
  }

  private static Optional<ScdKey> declaredKey(Table table, String docText) {
    String label = labelValue(table.labels(), "scd_key", "scd-key", "entity_key");
    if (label != null) {
      List<String> cols = existing(table, Declarations.columns(label.replace("--", ",")));
      if (!cols.isEmpty()) {
        return Optional.of(new ScdKey(cols, ScdKey.Source.LABEL, null));
      }
    }
    List<String> described = existing(table, Declarations.entityKey(table.description()));
    if (!described.isEmpty()) {
      return Optional.of(new ScdKey(described, ScdKey.Source.DESCRIPTION, null));
    }
    List<String> fromFields = new ArrayList<>();
    for (Field f : table.schema()) {
      if (Declarations.mentionsKey(f.description())) {
        fromFields.add(f.name());
      }
    }
    if (!fromFields.isEmpty()) {
      return Optional.of(new ScdKey(fromFields, ScdKey.Source.FIELD_DESCRIPTION, null));
    }
    List<String> fromDoc = existing(table, Declarations.entityKey(docText));
    if (!fromDoc.isEmpty()) {
      return Optional.of(new ScdKey(fromDoc, ScdKey.Source.DOC, null));
    }
    return Optional.empty();
  }

  /** The named columns that exist at the top level, with the schema's spelling; empty if any is missing. */
  private static List<String> existing(Table table, List<String> wanted) {
    List<String> out = new ArrayList<>();
    for (String w : wanted) {
      Optional<Field> f = table.schema().stream().filter(x -> x.name().equalsIgnoreCase(w)).findFirst();
      if (f.isEmpty()) {
        return List.of();
      }
      out.add(f.get().name());
    }
    return out;
  }

  /**
   * The scalar columns before the first history column (keys usually lead), else the id-like
   * columns ({@code *_id}, {@code *_key}, {@code *_code}).
   */
  static ScdKey inferredKey(Table table, ScdColumns columns) {
    Set<String> history = historyColumns(columns);
    List<String> leading = new ArrayList<>();
    for (Field f : table.schema()) {
      String n = f.name().toLowerCase(Locale.ROOT);
      if (history.contains(n)) {
        break;
      }
      if (!f.isRecord() && !f.isRepeated() && !DBT_TECHNICAL.contains(n)) {
        leading.add(f.name());
      }
    }
    if (!leading.isEmpty() && leading.size() <= 4) {
      return new ScdKey(leading, ScdKey.Source.INFERRED, null);
    }
    List<String> ids = new ArrayList<>();
    for (Field f : table.schema()) {
      String n = f.name().toLowerCase(Locale.ROOT);
      if (!f.isRecord() && !f.isRepeated() && !history.contains(n) && !DBT_TECHNICAL.contains(n)
          && (n.equals("id") || n.endsWith("_id") || n.endsWith("_key") || n.endsWith("_code"))) {
        ids.add(f.name());
      }
    }
    return new ScdKey(ids.size() > 4 ? ids.subList(0, 4) : ids, ScdKey.Source.INFERRED, null);
  }

  private static Set<String> historyColumns(ScdColumns c) {
    Set<String> out = new java.util.HashSet<>();
    for (String n : new String[] {c.validFrom(), c.validTo(), c.isCurrent(), c.isDeleted()}) {
      if (n != null) {
        out.add(n.toLowerCase(Locale.ROOT));
      }
    }
    return out;
  }

  private static GapPolicy gapPolicy(Table table, Dataset dataset, String docText) {
    Optional<GapPolicy> declared = Declarations.gapLabel(labelValue(table.labels(), "scd_gaps", "scd-gaps", "gaps"));
    if (declared.isEmpty()) {
      declared = Declarations.gaps(table.description());
    }
    if (declared.isEmpty() && dataset != null) {
      declared = Declarations.gapLabel(labelValue(dataset.labels(), "scd_gaps", "scd-gaps", "gaps"));
    }
    if (declared.isEmpty()) {
      declared = Declarations.gaps(docText);
    }
    return declared.orElse(GapPolicy.UNDECLARED);
  }

  private static String labelValue(Map<String, String> labels, String... keys) {
    for (String k : keys) {
      String v = labels.get(k);
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }

  /**
   * The text of the design documents about the table: the whole document when it is named after
   * the table, else the sections that mention the table by id or name.
   */
  private static String docText(Table table, List<Doc> docs) {
    StringBuilder text = new StringBuilder();
    String id = table.id().toString();
    String short_ = table.id().dataset() + "." + table.id().table();
    for (Doc doc : docs) {
      boolean whole = doc.baseName().equals(id);
      for (DocSection s : doc.sections()) {
        String body = s.heading() + "\n" + s.text();
        if (whole || body.contains(short_) || s.heading().contains(table.id().table())) {
          text.append(body).append('\n');
        }
      }
    }
    return text.isEmpty() ? null : text.toString();
  }
}
