package corpus.indexer.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a table is, derived from its metadata: published or raw, documented, SCD type 2 shaped.
 * These drive search badges, filters and small ranking factors.
 */
public final class TableTraits {

  private static final List<String> VALID_FROM = List.of("valid_from", "dbt_valid_from", "effective_from");
  private static final List<String> VALID_TO = List.of("valid_to", "dbt_valid_to", "effective_to");

  private TableTraits() {}

  /** The tier label of the table, else of its dataset; null when neither has one. */
  public static String tier(Table table, Dataset dataset) {
    return label(table, dataset, "tier");
  }

  /** The owner label of the table, else of its dataset. */
  public static String owner(Table table, Dataset dataset) {
    return label(table, dataset, "owner");
  }

  private static String label(Table table, Dataset dataset, String key) {
    String v = table.labels().get(key);
    if (v == null && dataset != null) {
      v = dataset.labels().get(key);
    }
    return v;
  }

  /** Published datasets carry a tier label or {@code published=true}; raw data does not. */
  public static boolean isPublished(Table table, Dataset dataset) {
    if (tier(table, dataset) != null) {
      return true;
    }
    String published = label(table, dataset, "published");
    return published != null && published.toLowerCase(Locale.ROOT).equals("true");
  }

  /** Share of fields that have a description, 0..1 (0 for an empty schema). */
  public static double documentedShare(Table table) {
    int[] describedAndAll = new int[2];
    count(table.schema(), describedAndAll);
    return describedAndAll[1] == 0 ? 0 : (double) describedAndAll[0] / describedAndAll[1];
  }

  /** Counts described and all fields, nested ones included, without building their paths. */
  private static void count(List<Field> fields, int[] describedAndAll) {
    for (Field f : fields) {
      if (f.description() != null) {
        describedAndAll[0]++;
      }
      describedAndAll[1]++;
      count(f.fields(), describedAndAll);
    }
  }

  /** True when the top-level columns have the valid-from / valid-to shape of an SCD type 2 table. */
  public static boolean isScd2(Table table) {
    boolean from = false;
    boolean to = false;
    for (Field f : table.schema()) {
      from |= anyEqualsIgnoreCase(VALID_FROM, f.name());
      to |= anyEqualsIgnoreCase(VALID_TO, f.name());
    }
    return from && to;
  }

  private static boolean anyEqualsIgnoreCase(List<String> names, String name) {
    for (String n : names) {
      if (n.equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }

  /** Badges shown on result cards: published, documented, scd2, partitioned, view. */
  public static List<String> badges(Table table, Dataset dataset) {
    List<String> badges = new ArrayList<>();
    if (isPublished(table, dataset)) {
      badges.add("published");
    }
    if (table.description() != null && documentedShare(table) >= 0.5) {
      badges.add("documented");
    }
    if (isScd2(table)) {
      badges.add("scd2");
    }
    if (table.isPartitioned()) {
      badges.add("partitioned");
    }
    if (table.kind() != TableKind.TABLE) {
      badges.add(table.kind().label());
    }
    return badges;
  }
}
