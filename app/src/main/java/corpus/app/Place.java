package corpus.app;

import corpus.indexer.model.TableId;

/** Where in the app a user is: the search page, a table page, a table's SCD page, or a design document. */
public sealed interface Place {

  /** The search box and its results. */
  record Search() implements Place {}

  /** The page of one table or view. */
  record Table(TableId id) implements Place {}

  /** The SCD type 2 page of a table: entity history, as-of view and health check. */
  record Scd(TableId id, corpus.app.scd.ScdPageViewModel.Section section) implements Place {}

  /** The GDPR review queue. */
  record Review() implements Place {}

  /** The query workbench: write BigQuery SQL, see its cost and how to lower it, run it. */
  record Workbench() implements Place {}

  /** A design document, by its id in the catalog. */
  record Doc(String id) implements Place {}
}
