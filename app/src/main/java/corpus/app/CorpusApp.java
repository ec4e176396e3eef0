package corpus.app;

import corpus.app.catalog.LuceneCatalogLoader;
import corpus.app.connect.BigQueryConnector;
import corpus.app.history.HistoryRecordingLoader;
import corpus.app.history.HistoryStore;
import corpus.app.scd.WarehouseConnector;
import corpus.app.connect.ConnectDialogs;
import corpus.app.connect.ConnectionStore;
import corpus.app.connect.CredentialsProbe;
import corpus.app.task.FxDebouncer;
import corpus.app.task.NamedExecutors;
import corpus.app.task.TaskExecutor;
import corpus.app.theme.Theme;
import corpus.app.workbench.WorkbenchSession;
import corpus.indexer.source.SourceSpecs;
import corpus.indexer.source.CatalogSource;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import javafx.application.Application;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop app's composition root: reads the configuration, creates the background pool and
 * the main window, and shows it before any catalog I/O starts, so the window opens at once.
 */
public final class CorpusApp extends Application {

  /** Pause after the last keystroke before a search runs. */
  static final Duration SEARCH_DEBOUNCE = Duration.millis(150);

  private static final Logger LOG = LoggerFactory.getLogger(CorpusApp.class);

  private ExecutorService background;
  private MainWindow window;

  @Override
  public void start(Stage stage) {
    AppConfig config = AppConfig.fromSystemProperties();
    LOG.info("Starting Corpus with home {} and catalog {}", config.home().root(), config.indexDir());
    Theme theme = Theme.fromSystemProperty();
    theme.applyBase();
    background = NamedExecutors.cachedDaemonPool("corpus-bg-%02d");
    ConnectionStore connections = ConnectionStore.in(config.home());
    BigQueryConnector connector = new BigQueryConnector();
    LuceneCatalogLoader loader = new LuceneCatalogLoader(config.indexDir(), () -> {
      List<CatalogSource> sources = new ArrayList<>(SourceSpecs.parse("sample", config.home()));
      sources.addAll(connector.sources(connections.load()));
      return sources;
    });
    TaskExecutor executor = TaskExecutor.fx(background);
    window = new MainWindow(new HistoryRecordingLoader(loader, config.home().database(), config.indexDir()), executor,
        new FxDebouncer(SEARCH_DEBOUNCE), theme);
    window.connectWarehouse(WarehouseConnector.forCatalog(config.home(), config.indexDir()),
        HistoryStore.sqlite(config.home().database(), config.indexDir()));
    window.connectWorkbench(reader -> WorkbenchSession.open(reader, config.home(), config.indexDir()));
    window.enableBigQueryConnections(
        new ConnectDialogs(connector, CredentialsProbe.system(), connections, loader, executor, theme));
    stage.setTitle("Corpus — data catalog");
    stage.setScene(window.scene());
    stage.setMinWidth(760);
    stage.setMinHeight(520);
    stage.show();
    LOG.info("Window shown {} ms after the JVM started",
        System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime());
    window.start();
  }

  @Override
  public void stop() {
    if (window != null) {
      window.close();
    }
    if (background != null) {
      background.shutdownNow();
    }
  }
}
