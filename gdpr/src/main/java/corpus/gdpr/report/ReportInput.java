package corpus.gdpr.report;

import java.util.List;

/**
 * Everything the GDPR reports read; the catalog fills it, the reports are pure functions of it.
 *
 * @param datasets datasets with location and owners
 * @param tables tables with retention
 * @param fields classified fields (not personal ones may be left out)
 * @param flows table-level lineage, for downstream recipients
 */
public record ReportInput(List<DatasetInfo> datasets, List<TableInfo> tables, List<ClassifiedField> fields,
    List<DataFlow> flows) {

  public ReportInput {
    datasets = List.copyOf(datasets);
    tables = List.copyOf(tables);
    fields = List.copyOf(fields);
    flows = List.copyOf(flows);
  }
}
