package corpus.gdpr.report;

import java.util.List;

/**
 * The statements that answer one data-subject request for one table. Run them with the query
 * parameter {@code @subject_id} of type STRING bound to the subject's identifier; the value is
 * never part of the SQL text. Estimate their cost with a dry run before running them.
 *
 * @param table {@code project.dataset.table}
 * @param fields the fields matched
 * @param accessSql SELECT returning the subject's rows (Art. 15)
 * @param erasureSql DELETE (and, for identifiers inside repeated records, UPDATE) statements
 *     erasing them (Art. 17), to run in order
 * @param notes caveats for the person running them
 */
public record SubjectRequestPlan(String table, List<String> fields, String accessSql, List<String> erasureSql,
    List<String> notes) {

  public SubjectRequestPlan {
    fields = List.copyOf(fields);
    erasureSql = List.copyOf(erasureSql);
    notes = List.copyOf(notes);
  }
}
