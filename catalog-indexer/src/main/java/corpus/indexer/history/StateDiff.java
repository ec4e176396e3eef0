package corpus.indexer.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * The readable differences between two {@link EntityState}s of the same entity: schema first
 * (fields added, removed, retyped), then descriptions, labels, partitioning, clustering, policy
 * tags and classifications.
 *
 * <pre>{@code
 * for (Change c : StateDiff.between(older.state(), newer.state())) { print(c.text()); }
 * }</pre>
 */
public final class StateDiff {

  private StateDiff() {}

  /** What changed from {@code before} to {@code after}; either may be null (entity added or removed). */
  public static List<Change> between(EntityState before, EntityState after) {
    List<Change> out = new ArrayList<>();
    if (before == null && after == null) {
      return out;
    }
    if (before == null) {
      out.add(new Change(Change.Kind.ENTITY_ADDED, "", null, after.kind(), after.kind() + " added to the catalog"));
      return out;
    }
    if (after == null) {
      out.add(new Change(Change.Kind.ENTITY_REMOVED, "", before.kind(), null, before.kind() + " removed from the catalog"));
      return out;
    }
    SortedMap<String, String> a = before.properties();
    SortedMap<String, String> b = after.properties();
    TreeSet<String> keys = new TreeSet<>(StateDiff::order);
    keys.addAll(a.keySet());
    keys.addAll(b.keySet());
    for (String key : keys) {
      String x = a.get(key);
      String y = b.get(key);
      if (!Objects.equals(x, y)) {
        out.add(change(key, x, y));
      }
    }
    return out;
  }

  private static final List<String> ORDER = List.of("kind", "field:", "description", "friendly_name",
      "field_description:", "label:", "partitioning", "clustering", "expiration", "policy_tags:", "classification:");

  private static int rank(String key) {
    for (int i = 0; i < ORDER.size(); i++) {
      if (key.equals(ORDER.get(i)) || (ORDER.get(i).endsWith(":") && key.startsWith(ORDER.get(i)))) {
        return i;
      }
    }
    return ORDER.size();
  }

  private static int order(String x, String y) {
    int c = Integer.compare(rank(x), rank(y));
    return c != 0 ? c : x.compareTo(y);
  }

  private static Change change(String key, String before, String after) {
    int colon = key.indexOf(':');
    String prefix = colon < 0 ? key : key.substring(0, colon);
    String subject = colon < 0 ? "" : key.substring(colon + 1);
    return switch (prefix) {
      case "field" -> before == null
          ? new Change(Change.Kind.FIELD_ADDED, subject, null, after, "field " + subject + " added (" + after + ")")
          : after == null
              ? new Change(Change.Kind.FIELD_REMOVED, subject, before, null, "field " + subject + " removed (was " + before + ")")
              : new Change(Change.Kind.FIELD_RETYPED, subject, before, after,
                  "field " + subject + " retyped " + before + " → " + after);
      case "field_description" -> new Change(Change.Kind.FIELD_DESCRIPTION, subject, before, after,
          "description of field " + subject + " " + verb(before, after));
      case "policy_tags" -> new Change(Change.Kind.POLICY_TAGS, subject, before, after,
          "policy tags of field " + subject + " " + values(before, after));
      case "classification" -> new Change(Change.Kind.CLASSIFICATION, subject, before, after,
          "classification of field " + subject + " " + values(before, after));
      case "label" -> new Change(Change.Kind.LABEL, subject, before, after, "label " + subject + " " + values(before, after));
      case "description" -> new Change(Change.Kind.DESCRIPTION, "", before, after, "description " + verb(before, after));
      case "partitioning" -> new Change(Change.Kind.PARTITIONING, "", before, after, "partitioning " + values(before, after));
      case "clustering" -> new Change(Change.Kind.CLUSTERING, "", before, after, "clustering " + values(before, after));
      default -> new Change(Change.Kind.OTHER, key, before, after, key.replace('_', ' ') + " " + values(before, after));
    };
  }

  private static String verb(String before, String after) {
    return before == null ? "added" : after == null ? "removed" : "changed";
  }

  private static String values(String before, String after) {
    if (before == null) {
      return "set to " + after;
    }
    if (after == null) {
      return "removed (was " + before + ")";
    }
    return "changed from " + before + " to " + after;
  }
}
