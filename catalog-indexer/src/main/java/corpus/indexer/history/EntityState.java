package corpus.indexer.history;

import corpus.indexer.index.FieldClassifications;
import corpus.indexer.model.Dataset;
import corpus.indexer.model.Field;
import corpus.indexer.model.RangePartitioning;
import corpus.indexer.model.Table;
import corpus.indexer.model.TimePartitioning;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the catalog's history tracks about one entity, as flat named properties so any two
 * versions diff the same way: {@code description}, {@code label:owner}, {@code partitioning},
 * {@code clustering}, {@code field:path} (type and mode), {@code field_description:path}, {@code
 * policy_tags:path} and {@code classification:path}. Sizes, row counts and times are left out:
 * they change with every load and are not the catalog's meaning.
 */
public record EntityState(String kind, SortedMap<String, String> properties) {

  public EntityState {
    properties = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(properties));
  }

  /** The state of a table, with the GDPR categories the classifications give its fields. */
  public static EntityState of(Table table, FieldClassifications classifications) {
    SortedMap<String, String> p = new TreeMap<>();
    p.put("kind", table.kind().label());
    put(p, "friendly_name", table.friendlyName());
    put(p, "description", table.description());
    table.labels().forEach((k, v) -> p.put("label:" + k, v));
    put(p, "partitioning", partitioning(table));
    put(p, "clustering", table.clustering().isEmpty() ? null : String.join(", ", table.clustering()));
    put(p, "expiration", table.expirationTime() == null ? null : table.expirationTime().toString());
    put(p, "view_query", table.viewQuery());
    for (Field.Flat f : table.flatFields()) {
      p.put("field:" + f.path(), f.field().type() + " " + f.field().mode());
      put(p, "field_description:" + f.path(), f.field().description());
      put(p, "policy_tags:" + f.path(), f.field().policyTags().isEmpty() ? null : String.join(", ", f.field().policyTags()));
      List<String> categories = classifications.categories(table, f);
      put(p, "classification:" + f.path(), categories.isEmpty() ? null : String.join(", ", categories));
    }
    return new EntityState("table", p);
  }

  /** The state of a dataset: description, location, labels and default expirations. */
  public static EntityState of(Dataset dataset) {
    SortedMap<String, String> p = new TreeMap<>();
    put(p, "description", dataset.description());
    put(p, "location", dataset.location());
    dataset.labels().forEach((k, v) -> p.put("label:" + k, v));
    put(p, "default_table_expiration_ms", str(dataset.defaultTableExpirationMs()));
    put(p, "default_partition_expiration_ms", str(dataset.defaultPartitionExpirationMs()));
    return new EntityState("dataset", p);
  }

  private static String str(Long v) {
    return v == null ? null : v.toString();
  }

  private static void put(Map<String, String> p, String key, String value) {
    if (value != null && !value.isBlank()) {
      p.put(key, value);
    }
  }

  private static String partitioning(Table table) {
    TimePartitioning t = table.timePartitioning();
    if (t != null) {
      String s = (t.type() == null ? "DAY" : t.type()) + " on " + (t.filterColumn() == null ? "_PARTITIONTIME" : t.filterColumn());
      if (t.expirationMs() != null && t.expirationMs() > 0) {
        s += ", expire after " + t.expirationMs() + " ms";
      }
      return t.requirePartitionFilter() ? s + ", filter required" : s;
    }
    RangePartitioning r = table.rangePartitioning();
    return r == null ? null : "RANGE on " + r.field() + " from " + r.start() + " to " + r.end() + " by " + r.interval();
  }

  /** A digest of the properties: equal states have equal hashes. */
  public String hash() {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(kind.getBytes(StandardCharsets.UTF_8));
      properties.forEach((k, v) -> {
        md.update((byte) 0);
        md.update(k.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 1);
        md.update(v.getBytes(StandardCharsets.UTF_8));
      });
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
