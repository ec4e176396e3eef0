package corpus.gdpr.report;

import corpus.gdpr.review.ReviewStatus;
import corpus.gdpr.taxonomy.Category;
import corpus.gdpr.taxonomy.Taxonomy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Finds what a privacy officer must look at: special-category data anywhere, personal data in a
 * dataset outside the EU, personal data without any expiration, and unreviewed personal-data
 * suggestions at or above a confidence. Sorted by kind, then dataset, table and field.
 */
public final class Findings {

  private final Taxonomy taxonomy;

  public Findings(Taxonomy taxonomy) {
    this.taxonomy = taxonomy;
  }

  /** @param unreviewedThreshold lowest confidence of an unreviewed suggestion reported */
  public List<Finding> find(ReportInput input, double unreviewedThreshold) {
    Map<String, DatasetInfo> datasets = new HashMap<>();
    input.datasets().forEach(d -> datasets.put(d.id(), d));
    Map<String, TableInfo> tables = new HashMap<>();
    input.tables().forEach(t -> tables.put(t.id(), t));
    Map<String, Set<String>> categoriesByTable = new TreeMap<>();
    List<Finding> out = new ArrayList<>();
    for (ClassifiedField f : input.fields()) {
      Category c = taxonomy.category(f.category()).orElse(null);
      if (c == null || !c.isPersonal()) {
        continue;
      }
      categoriesByTable.computeIfAbsent(f.table(), k -> new TreeSet<>()).add(c.id());
      if (c.group().isSpecial()) {
        out.add(new Finding(Finding.Kind.SPECIAL_CATEGORY_DATA, f.dataset(), f.table(), f.field(),
            f.table() + ":" + f.field() + " holds " + c.label().toLowerCase(Locale.ROOT) + " — "
                + c.legalReference()));
      }
      if (f.status() == ReviewStatus.SUGGESTED && f.confidence() >= unreviewedThreshold) {
        out.add(new Finding(Finding.Kind.UNREVIEWED_SUGGESTION, f.dataset(), f.table(), f.field(),
            String.format(Locale.ROOT, "%s:%s is suggested as %s (%.2f) and nobody has reviewed it", f.table(),
                f.field(), c.id(), f.confidence())));
      }
    }
    for (Map.Entry<String, Set<String>> e : categoriesByTable.entrySet()) {
      String table = e.getKey();
      String dataset = TableInfo.datasetOf(table);
      DatasetInfo d = datasets.get(dataset);
      String held = String.join(", ", e.getValue());
      if (d != null && EuLocations.isOutsideEu(d.location())) {
        out.add(new Finding(Finding.Kind.PERSONAL_DATA_OUTSIDE_EU, dataset, table, null,
            table + " holds personal data (" + held + ") in location " + d.location()
                + ", outside the EU: a transfer under Chapter V GDPR needs a legal basis"));
      }
      if (!ProcessingRecords.retention(table, tables.get(table), d).limited()) {
        out.add(new Finding(Finding.Kind.PERSONAL_DATA_WITHOUT_EXPIRATION, dataset, table, null,
            table + " holds personal data (" + held + ") without table, partition or dataset expiration"
                + " (storage limitation, Art. 5(1)(e))"));
      }
    }
    out.sort(Comparator.comparing(Finding::kind).thenComparing(Finding::dataset)
        .thenComparing(f -> f.table() == null ? "" : f.table()).thenComparing(f -> f.field() == null ? "" : f.field()));
    return out;
  }
}
