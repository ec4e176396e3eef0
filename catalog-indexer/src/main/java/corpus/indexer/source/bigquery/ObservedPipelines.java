package corpus.indexer.source.bigquery;

import corpus.indexer.model.Pipeline;
import corpus.lineage.StatementLineage;
import java.util.List;
import java.util.Locale;

/**
 * Turns edges observed in a region's job history into catalog {@link Pipeline}s marked {@code
 * observed}, so they take part in the lineage graph, in {@code upstream:}/{@code downstream:}
 * search and in the GDPR report's data flows like edges parsed from pipeline SQL.
 *
 * <p>One pipeline per (source, destination) pair, of kind {@code job}, with one table-level
 * statement. Its {@link Pipeline#file()} (the origin every lineage edge carries) names the {@code
 * INFORMATION_SCHEMA.JOBS} view, the most recent job ids, how many jobs and users, and when the
 * edge was last seen. Observed edges have no column lineage, so GDPR classifications are not
 * propagated along them. The jobs' SQL is not kept: query text may hold literal values, and
 * Corpus writes no data value to disk.
 */
public final class ObservedPipelines {

  private ObservedPipelines() {}

  /** The pipeline of one observed edge read from {@code view} (such as {@code `p`.`region-eu`.INFORMATION_SCHEMA.JOBS}). */
  public static Pipeline of(ObservedEdge edge, String view) {
    String source = edge.source().toString();
    String destination = edge.destination().toString();
    StatementLineage statement = new StatementLineage(kind(edge.statementType()), 0, List.of(destination),
        List.of(source), List.of(), List.of(), List.of(), List.of(), null);
    String title = "job history: " + edge.source().table() + " → " + edge.destination().table();
    return new Pipeline("job:" + source + ">" + destination, "job", origin(edge, view), title,
        description(edge, view), null, List.of(statement), true);
  }

  /** Where the edge was seen, for the lineage graph: view, jobs, users, last seen. */
  static String origin(ObservedEdge edge, String view) {
    StringBuilder out = new StringBuilder(view.replace("`", ""));
    if (!edge.recentJobIds().isEmpty()) {
      out.append(" · job").append(edge.recentJobIds().size() > 1 ? "s " : " ")
          .append(String.join(", ", edge.recentJobIds()));
    }
    out.append(" · ").append(plural(edge.jobCount(), "job")).append(" by ").append(plural(edge.userCount(), "user"));
    if (edge.lastSeen() != null) {
      out.append(" · last seen ").append(edge.lastSeen());
    }
    return out.toString();
  }

  private static String description(ObservedEdge edge, String view) {
    return "Observed in BigQuery job history (" + view.replace("`", "") + "): " + plural(edge.jobCount(), "query job")
        + " by " + plural(edge.userCount(), "user") + " read " + edge.source() + " and wrote " + edge.destination()
        + (edge.lastSeen() == null ? "" : ", last on " + edge.lastSeen())
        + ". Table-level only: job history has no column lineage.";
  }

  /** BigQuery's statement type in the lineage module's words ({@code create_table_as}, {@code insert} …). */
  static String kind(String statementType) {
    if (statementType == null || statementType.isBlank()) {
      return "job";
    }
    String lower = statementType.strip().toLowerCase(Locale.ROOT);
    return lower.equals("create_table_as_select") ? "create_table_as" : lower;
  }

  private static String plural(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
