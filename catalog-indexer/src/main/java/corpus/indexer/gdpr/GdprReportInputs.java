package corpus.indexer.gdpr;

import corpus.gdpr.report.ClassifiedField;
import corpus.gdpr.report.DataFlow;
import corpus.gdpr.report.DatasetInfo;
import corpus.gdpr.report.ReportInput;
import corpus.gdpr.report.TableInfo;
import corpus.gdpr.review.ReviewStatus;
import corpus.indexer.model.Dataset;
import corpus.indexer.model.Pipeline;
import corpus.indexer.model.Table;
import corpus.lineage.StatementLineage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fills the GDPR reports' {@link ReportInput} from a catalog and its classifications: dataset
 * location, owners ({@code owner} label), description and default expiration; table and partition
 * expiration; the category in force of every field; and table-level lineage for downstream
 * recipients.
 */
public final class GdprReportInputs {

  private GdprReportInputs() {}

  public static ReportInput of(CatalogSnapshot catalog, List<FieldClassification> fields) {
    List<DatasetInfo> datasets = new ArrayList<>();
    for (Dataset d : catalog.datasets()) {
      datasets.add(new DatasetInfo(d.id(), d.location(), owners(d.labels()), d.description(),
          d.defaultTableExpirationMs() == null ? null : Duration.ofMillis(d.defaultTableExpirationMs())));
    }
    List<TableInfo> tables = new ArrayList<>();
    for (Table t : catalog.tables()) {
      Long partitionMs = t.timePartitioning() == null ? null : t.timePartitioning().expirationMs();
      tables.add(new TableInfo(t.id().toString(), t.expirationTime(),
          partitionMs == null ? null : Duration.ofMillis(partitionMs), owners(t.labels())));
    }
    List<ClassifiedField> classified = new ArrayList<>();
    for (FieldClassification f : fields) {
      classified.add(new ClassifiedField(f.table(), f.field(), f.category(), f.confidence(),
          ReviewStatus.fromId(f.status())));
    }
    return new ReportInput(datasets, tables, classified, flows(catalog.pipelines()));
  }

  /** Table-level lineage of every analysed statement, without duplicates. */
  static List<DataFlow> flows(List<Pipeline> pipelines) {
    Set<DataFlow> out = new LinkedHashSet<>();
    for (Pipeline p : pipelines) {
      for (StatementLineage s : p.statements()) {
        if (!s.ok()) {
          continue;
        }
        for (String target : s.targets()) {
          for (String source : s.sources()) {
            if (!source.equals(target)) {
              out.add(new DataFlow(source, target));
            }
          }
        }
      }
    }
    return new ArrayList<>(out);
  }

  private static List<String> owners(Map<String, String> labels) {
    String owner = labels.get("owner");
    return owner == null || owner.isBlank() ? List.of() : List.of(owner);
  }
}
