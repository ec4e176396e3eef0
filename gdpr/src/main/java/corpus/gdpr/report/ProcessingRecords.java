package corpus.gdpr.report;

import corpus.gdpr.taxonomy.Category;
import corpus.gdpr.taxonomy.Taxonomy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builds Art. 30 records of processing, one per dataset holding personal data, in dataset order.
 * Rejected fields are not personal; suggested ones count (flagged as not reviewed), so the record
 * never understates what is stored.
 */
public final class ProcessingRecords {

  private final Taxonomy taxonomy;

  public ProcessingRecords(Taxonomy taxonomy) {
    this.taxonomy = taxonomy;
  }

  public List<ProcessingRecord> build(ReportInput input) {
    Map<String, DatasetInfo> datasets = new HashMap<>();
    input.datasets().forEach(d -> datasets.put(d.id(), d));
    Map<String, TableInfo> tables = new HashMap<>();
    input.tables().forEach(t -> tables.put(t.id(), t));

    Map<String, List<ClassifiedField>> personalByDataset = new TreeMap<>();
    for (ClassifiedField f : input.fields()) {
      if (taxonomy.isPersonal(f.category())) {
        personalByDataset.computeIfAbsent(f.dataset(), k -> new ArrayList<>()).add(f);
      }
    }
    List<ProcessingRecord> out = new ArrayList<>();
    for (Map.Entry<String, List<ClassifiedField>> e : personalByDataset.entrySet()) {
      String datasetId = e.getKey();
      DatasetInfo dataset = datasets.get(datasetId);
      Set<String> personalTables = new TreeSet<>();
      Map<String, List<ClassifiedField>> byCategory = new TreeMap<>();
      for (ClassifiedField f : e.getValue()) {
        personalTables.add(f.table());
        byCategory.computeIfAbsent(f.category(), k -> new ArrayList<>()).add(f);
      }
      List<ProcessingRecord.CategoryUse> categories = new ArrayList<>();
      for (Category c : taxonomy.categories()) {
        List<ClassifiedField> fields = byCategory.get(c.id());
        if (fields != null) {
          categories.add(new ProcessingRecord.CategoryUse(c.id(), c.label(), c.group().id(), c.legalReference(),
              fields.stream().map(f -> f.table() + ":" + f.field()).sorted().toList(),
              fields.stream().allMatch(ClassifiedField::reviewed)));
        }
      }
      List<ProcessingRecord.Retention> retention = new ArrayList<>();
      for (String table : personalTables) {
        retention.add(retention(table, tables.get(table), dataset));
      }
      Set<String> recipients = new TreeSet<>();
      for (DataFlow flow : input.flows()) {
        if (personalTables.contains(flow.source()) && !TableInfo.datasetOf(flow.target()).equals(datasetId)) {
          recipients.add(flow.target());
        }
      }
      out.add(new ProcessingRecord(datasetId, dataset == null ? "" : nullToEmpty(dataset.location()),
          dataset == null ? "" : nullToEmpty(dataset.description()), owners(dataset, personalTables, tables),
          categories, retention, List.copyOf(recipients)));
    }
    return out;
  }

  static ProcessingRecord.Retention retention(String table, TableInfo info, DatasetInfo dataset) {
    if (info != null && info.expirationTime() != null) {
      return new ProcessingRecord.Retention(table, "table expires " + info.expirationTime(), true);
    }
    if (info != null && info.partitionExpiration() != null) {
      return new ProcessingRecord.Retention(table, "partitions kept " + days(info.partitionExpiration()), true);
    }
    if (dataset != null && dataset.defaultTableExpiration() != null) {
      return new ProcessingRecord.Retention(table,
          "dataset default: tables kept " + days(dataset.defaultTableExpiration()), true);
    }
    return new ProcessingRecord.Retention(table, "no expiration", false);
  }

  private static String days(Duration d) {
    long days = d.toDays();
    return days >= 1 ? days + " days" : d.toHours() + " hours";
  }

  private static List<String> owners(DatasetInfo dataset, Set<String> tables, Map<String, TableInfo> infos) {
    Set<String> owners = new TreeSet<>();
    if (dataset != null) {
      owners.addAll(dataset.owners());
    }
    for (String t : tables) {
      TableInfo info = infos.get(t);
      if (info != null) {
        owners.addAll(info.owners());
      }
    }
    return List.copyOf(owners);
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
