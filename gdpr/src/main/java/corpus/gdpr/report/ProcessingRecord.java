package corpus.gdpr.report;

import java.util.List;

/**
 * The Art. 30 record of processing for one dataset: which categories of personal data it holds,
 * where (location), for how long (retention per table), who owns it and who receives it
 * downstream.
 *
 * @param dataset {@code project.dataset}
 * @param location BigQuery location
 * @param description purpose of the dataset, or empty
 * @param owners owners
 * @param categories categories of personal data held
 * @param retention retention per table holding personal data
 * @param recipients downstream tables in other datasets fed from this dataset's personal tables
 */
public record ProcessingRecord(String dataset, String location, String description, List<String> owners,
    List<CategoryUse> categories, List<Retention> retention, List<String> recipients) {

  /**
   * One category in a dataset.
   *
   * @param category category id
   * @param label human-readable name
   * @param group GDPR group id
   * @param legalReference the legal text
   * @param fields {@code table:field} holding it
   * @param reviewed whether every one of those fields was decided by a person
   */
  public record CategoryUse(String category, String label, String group, String legalReference, List<String> fields,
      boolean reviewed) {}

  /**
   * How long one table keeps data.
   *
   * @param table table id
   * @param retention e.g. "expires 2027-01-01T00:00:00Z", "partitions kept 400 days", "none"
   * @param limited whether any expiration applies
   */
  public record Retention(String table, String retention, boolean limited) {}
}
