package corpus.app.workbench;

import corpus.app.task.TaskExecutor;
import corpus.app.task.Tasks;
import corpus.indexer.catalog.CatalogReader;
import corpus.indexer.model.TableId;
import corpus.indexer.warehouse.QueryResult;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The table page's free preview: the first rows of a table read without a query (BigQuery does not bill a
 * preview), through the workbench's warehouse; and "Query this table", which opens the workbench with a query
 * that names the columns and filters the partitions.
 */
public final class TablePreviewViewModel {

  /** Rows a preview shows. */
  static final int ROWS = 100;

  private final ReadOnlyObjectWrapper<QueryResult> result = new ReadOnlyObjectWrapper<>(this, "result");
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
  private final TaskExecutor executor;
  private final WorkbenchViewModel workbench;
  private long generation;

  public TablePreviewViewModel(TaskExecutor executor, WorkbenchViewModel workbench) {
    this.executor = executor;
    this.workbench = workbench;
  }

  /** Reads the first rows of {@code id} in the background. */
  public void preview(TableId id) {
    long current = ++generation;
    result.set(null);
    CatalogReader reader = workbench.catalogProperty().get();
    if (reader == null) {
      status.set("The catalog is not open yet.");
      return;
    }
    status.set("Reading the first rows of " + id + "…");
    workbench.withSession(session -> {
      if (current != generation) {
        return;
      }
      if (session == null) {
        status.set("No warehouse holds the data of this catalog, so rows cannot be shown.");
        return;
      }
      if (!session.canRun()) {
        status.set("This catalog has metadata only: its rows cannot be shown here.");
        return;
      }
      Tasks.create(() -> session.preview(reader.table(id).orElseThrow(() ->
              new java.io.IOException("The catalog has no table " + id + ".")), ROWS))
          .onSuccess(r -> {
            if (current == generation) {
              result.set(r);
              status.set(String.format(Locale.ROOT, "First %,d rows · free: a preview runs no query",
                  r.rows().size()));
            }
          })
          .onError(Exception.class, e -> {
            if (current == generation) {
              status.set("The rows could not be read: " + e.getMessage());
            }
          })
          .runOn(executor);
    });
  }

  /** Forgets the shown rows (another table was opened). */
  public void clear() {
    generation++;
    result.set(null);
    status.set("");
  }

  public ReadOnlyObjectProperty<QueryResult> resultProperty() { return result.getReadOnlyProperty(); }
  public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
}
