package corpus.app.connect;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The JSON shape of the saved BigQuery connections ({@code settings/bigquery-connections.json}
 * under the Corpus home). Unknown fields are ignored, so an older Corpus reads a newer file.
 *
 * @param version the file format, 1 today
 * @param connections most recently crawled first
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
record ConnectionsFile(int version, List<Saved> connections) {

  static final int VERSION = 1;

  ConnectionsFile {
    connections = connections == null ? List.of() : List.copyOf(connections);
  }

  /**
   * One saved connection. Holds no secret: the key file is a path, never its contents.
   *
   * @param lastCrawled ISO-8601 instant of the last successful crawl, or null
   * @param jobHistoryRegion null: the regions of the crawled datasets
   * @param informationSchema null (older files) means true
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Saved(List<String> projects, String keyFile, String endpoint, Integer jobHistoryDays,
      String lastCrawled, String jobHistoryRegion, Boolean informationSchema) {}
}
