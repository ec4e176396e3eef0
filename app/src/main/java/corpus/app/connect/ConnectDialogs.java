package corpus.app.connect;

import corpus.app.catalog.CatalogUpdater;
import corpus.app.task.TaskExecutor;
import corpus.app.theme.Theme;
import javafx.beans.value.ObservableBooleanValue;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * Opens the "Connect to BigQuery" dialog over the main window, one at a time, with everything it
 * needs: the connector, the credentials probe, the saved connections and the catalog to update.
 * The app's composition root makes one; {@link corpus.app.MainWindow} offers it in its menu.
 */
public final class ConnectDialogs {

  private final BigQueryConnector connector;
  private final CredentialsProbe probe;
  private final ConnectionStore store;
  private final CatalogUpdater updater;
  private final TaskExecutor executor;
  private final Theme theme;
  private ConnectDialog open;

  public ConnectDialogs(BigQueryConnector connector, CredentialsProbe probe, ConnectionStore store,
      CatalogUpdater updater, TaskExecutor executor, Theme theme) {
    this.connector = connector;
    this.probe = probe;
    this.store = store;
    this.updater = updater;
    this.executor = executor;
    this.theme = theme;
  }

  /**
   * Shows the dialog (or brings the open one to the front).
   *
   * @param catalogReady whether the catalog is open, which a crawl needs
   * @param onCatalogUpdated re-opens the catalog after a crawl changed it
   */
  public ConnectDialog open(Window owner, ObservableBooleanValue catalogReady, Runnable onCatalogUpdated) {
    if (open != null && open.stage().isShowing()) {
      open.show();
      return open;
    }
    ConnectViewModel viewModel = new ConnectViewModel(connector, probe, store, updater, onCatalogUpdated, executor);
    viewModel.catalogReadyProperty().bind(catalogReady);
    open = new ConnectDialog(viewModel, owner, theme);
    open.stage().addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> viewModel.catalogReadyProperty().unbind());
    open.show();
    viewModel.start();
    return open;
  }

  /** Closes the dialog, cancelling a running test or crawl; the app calls this when it quits. */
  public void close() {
    if (open != null) {
      open.stage().close();
    }
  }
}
