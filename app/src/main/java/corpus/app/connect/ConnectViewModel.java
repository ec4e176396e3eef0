package corpus.app.connect;

import corpus.app.catalog.CatalogUpdater;
import corpus.app.task.TaskExecutor;
import corpus.app.task.TaskHandle;
import corpus.app.task.Tasks;
import corpus.indexer.index.IndexSummary;
import corpus.indexer.model.Problem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state and actions of the "Connect to BigQuery" dialog: the projects, credentials, job
 * history window and endpoint a user types; <b>Test connection</b>, which lists the projects'
 * datasets in the background and says "Connected: 12 datasets visible" or why not in one sentence;
 * and <b>Crawl</b>, which indexes the projects into the catalog with progress and Cancel, lists the
 * datasets and tables it could not read, and remembers the connection.
 *
 * <p>All work runs through {@link Tasks} on the given executor; tests pass {@link
 * TaskExecutor#currentThread()} and assert right after a call.
 */
public final class ConnectViewModel {

  /** How the last action ended, for the colour of the status line. */
  public enum Outcome {
    NONE,
    WORKING,
    SUCCESS,
    WARNING,
    ERROR
  }

  /** What a crawl produced, and whether the connection could be remembered. */
  private record Crawled(IndexSummary summary, boolean saved) {}

  /** What the dialog knows when it opens. */
  private record Initial(CredentialsProbe.Found credentials, Optional<ConnectionSettings> last) {}

  private static final Logger LOG = LoggerFactory.getLogger(ConnectViewModel.class);

  private final StringProperty projects = new SimpleStringProperty(this, "projects", "");
  private final BooleanProperty useKeyFile = new SimpleBooleanProperty(this, "useKeyFile");
  private final StringProperty keyFile = new SimpleStringProperty(this, "keyFile", "");
  private final StringProperty endpoint = new SimpleStringProperty(this, "endpoint", "");
  private final IntegerProperty jobHistoryDays =
      new SimpleIntegerProperty(this, "jobHistoryDays", ConnectionSettings.DEFAULT_JOB_HISTORY_DAYS);
  private final StringProperty jobHistoryRegion = new SimpleStringProperty(this, "jobHistoryRegion", "");
  private final BooleanProperty informationSchema = new SimpleBooleanProperty(this, "informationSchema", true);
  private final BooleanProperty catalogReady = new SimpleBooleanProperty(this, "catalogReady", true);

  private final ReadOnlyStringWrapper applicationDefault =
      new ReadOnlyStringWrapper(this, "applicationDefault", "Looking for Application Default Credentials…");
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
  private final ReadOnlyObjectWrapper<Outcome> outcome = new ReadOnlyObjectWrapper<>(this, "outcome", Outcome.NONE);
  private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
  private final ReadOnlyBooleanWrapper crawling = new ReadOnlyBooleanWrapper(this, "crawling");
  private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
  private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
  private final ObservableList<String> problems = FXCollections.observableArrayList();
  private final ObservableList<String> problemsView = FXCollections.unmodifiableObservableList(problems);
  private final StringBinding validation;
  private final StringBinding credentialsNote;
  private final BooleanBinding canTest;
  private final BooleanBinding canCrawl;

  private final BigQueryConnector connector;
  private final CredentialsProbe probe;
  private final ConnectionStore store;
  private final CatalogUpdater updater;
  private final Runnable onCatalogUpdated;
  private final TaskExecutor executor;
  private TaskHandle<?> work;

  /**
   * @param onCatalogUpdated runs on the UI thread after a crawl changed the catalog on disk (the
   *     window re-opens it)
   */
  public ConnectViewModel(BigQueryConnector connector, CredentialsProbe probe, ConnectionStore store,
      CatalogUpdater updater, Runnable onCatalogUpdated, TaskExecutor executor) {
    this.connector = connector;
    this.probe = probe;
    this.store = store;
    this.updater = updater;
    this.onCatalogUpdated = onCatalogUpdated;
    this.executor = executor;
    validation = Bindings.createStringBinding(
        () -> SettingsInput.problem(projects.get(), useKeyFile.get(), keyFile.get(), endpoint.get(),
            jobHistoryRegion.get()).orElse(""),
        projects, useKeyFile, keyFile, endpoint, jobHistoryRegion);
    credentialsNote = Bindings.createStringBinding(
        () -> endpoint.get().isBlank() ? "" : "No credentials are sent to a custom endpoint.", endpoint);
    canTest = validation.isEmpty().and(running.not());
    canCrawl = canTest.and(catalogReady);
    List.of(projects, keyFile, endpoint, jobHistoryRegion)
        .forEach(p -> p.addListener((obs, old, now) -> forgetOutcome()));
    useKeyFile.addListener((obs, old, now) -> forgetOutcome());
    informationSchema.addListener((obs, old, now) -> forgetOutcome());
    jobHistoryDays.addListener((obs, old, now) -> forgetOutcome());
  }

  /** Looks for Application Default Credentials and fills in the last crawled connection. */
  public void start() {
    work = Tasks.create(() -> new Initial(probe.probe(), store.load().stream().findFirst()))
        .onSuccess(initial -> {
          applicationDefault.set(initial.credentials().description());
          initial.last().filter(last -> projects.get().isBlank()).ifPresent(this::fill);
          if (!initial.credentials().present() && !useKeyFile.get() && endpoint.get().isBlank()) {
            LOG.info("No Application Default Credentials found");
          }
        })
        .onError(Exception.class, e -> {
          LOG.warn("Could not look for credentials or saved connections", e);
          applicationDefault.set("Could not look for Application Default Credentials.");
        })
        .runOn(executor);
  }

  private void fill(ConnectionSettings last) {
    projects.set(String.join(", ", last.projects()));
    useKeyFile.set(last.keyFile() != null);
    keyFile.set(last.keyFile() == null ? "" : last.keyFile().toString());
    endpoint.set(last.endpoint() == null ? "" : last.endpoint().toString());
    jobHistoryDays.set(last.jobHistoryDays());
    jobHistoryRegion.set(last.jobHistoryRegion() == null ? "" : last.jobHistoryRegion());
    informationSchema.set(last.informationSchema());
  }

  /** Uses a service-account key file from now on (the file is read only when connecting). */
  public void chooseKeyFile(Path file) {
    keyFile.set(file.toAbsolutePath().toString());
    useKeyFile.set(true);
  }

  /** Lists the datasets of every project in the background and reports what it saw. */
  public void testConnection() {
    if (!canTest.get()) {
      return;
    }
    ConnectionSettings settings = settings();
    begin("Testing the connection to " + String.join(", ", settings.projects()) + "…", false);
    work = Tasks.create(() -> connector.test(settings))
        .onSuccess(check -> finish(check.datasets().stream().anyMatch(d -> d.count() == 0)
            ? Outcome.WARNING : Outcome.SUCCESS, check.summary()))
        .onError(ConnectFailure.class, e -> finish(Outcome.ERROR, e.getMessage()))
        .onError(Throwable.class, e -> unexpected("The connection test", e))
        .onCancelled(() -> finish(Outcome.NONE, "Test cancelled."))
        .andFinally(this::end)
        .runOn(executor);
  }

  /**
   * Checks the connection, then indexes the projects into the catalog in the background; lists
   * what could not be read, remembers the connection and has the window re-open the catalog.
   */
  public void crawl() {
    if (!canCrawl.get()) {
      return;
    }
    ConnectionSettings settings = settings();
    begin("Crawling " + String.join(", ", settings.projects()) + " into the catalog…", true);
    TaskHandle<Crawled> crawl = Tasks.withProgress(listener -> {
          listener.progress("checking the connection", 0, -1);
          connector.test(settings); // fails fast, before the catalog is touched
          IndexSummary summary = updater.update(List.of(connector.source(settings)), listener);
          return new Crawled(summary, save(settings));
        })
        .onSuccess(crawled -> crawled(settings, crawled))
        .onError(ConnectFailure.class, e -> finish(Outcome.ERROR, e.getMessage() + " The catalog was not changed."))
        .onError(Throwable.class, e -> unexpected("The crawl", e))
        .onCancelled(() -> finish(Outcome.NONE, "Crawl cancelled: the catalog is as it was."))
        .andFinally(this::end)
        .runOn(executor);
    crawl.progressProperty().addListener((obs, old, now) -> progress.set(now.doubleValue()));
    crawl.messageProperty().addListener((obs, old, now) -> progressText.set(now));
    work = crawl;
  }

  private boolean save(ConnectionSettings settings) {
    try {
      store.save(settings);
      return true;
    } catch (IOException e) {
      LOG.warn("Could not remember the BigQuery connection in {}", store.file(), e);
      return false;
    }
  }

  private void crawled(ConnectionSettings settings, Crawled crawled) {
    IndexSummary summary = crawled.summary();
    List<Problem> own = summary.problems().stream().filter(p -> settings.spec().equals(p.source())).toList();
    problems.setAll(own.stream().map(ConnectViewModel::describe).toList());
    onCatalogUpdated.run();
    Optional<Problem> fatal = own.stream().filter(p -> p.file() == null).findFirst();
    if (fatal.isPresent()) {
      finish(Outcome.ERROR, "The crawl could not read " + settings.spec().substring("bigquery:".length())
          + ": " + fatal.get().reason());
      return;
    }
    StringBuilder text = new StringBuilder(String.format("Crawled in %.1f s: the catalog now holds %,d tables and views.",
        summary.tookMs() / 1000.0, summary.tables()));
    if (!crawled.saved()) {
      text.append(" The connection could not be remembered for next time.");
    }
    if (!own.isEmpty()) {
      text.append(own.size() == 1 ? " 1 dataset or table could not be read:" : String.format(
          " %d datasets or tables could not be read:", own.size()));
    }
    finish(own.isEmpty() && crawled.saved() ? Outcome.SUCCESS : Outcome.WARNING, text.toString());
  }

  /** A problem in one sentence, naming the dataset or table unless its reason already does. */
  private static String describe(Problem p) {
    return p.file() == null || p.reason().contains(p.file()) ? p.reason() : p.file() + ": " + p.reason();
  }

  /** Stops a running test or crawl; a cancelled crawl leaves the catalog as it was. */
  public void cancel() {
    if (work != null) {
      work.cancel();
    }
  }

  /** The settings as typed; only call when {@link #validationProperty()} is empty. */
  ConnectionSettings settings() {
    return SettingsInput.parse(projects.get(), useKeyFile.get(), keyFile.get(), endpoint.get(),
        jobHistoryDays.get(), jobHistoryRegion.get(), informationSchema.get());
  }

  private void begin(String text, boolean crawl) {
    problems.clear();
    progress.set(-1);
    progressText.set("");
    running.set(true);
    crawling.set(crawl);
    outcome.set(Outcome.WORKING);
    status.set(text);
  }

  private void finish(Outcome how, String text) {
    outcome.set(how);
    status.set(text);
  }

  private void end() {
    running.set(false);
    crawling.set(false);
  }

  private void unexpected(String what, Throwable e) {
    LOG.error("{} failed", what, e);
    finish(Outcome.ERROR, what + " failed unexpectedly (" + ConnectionErrors.clean(e.getMessage())
        + "). The log has the details.");
  }

  private void forgetOutcome() {
    if (!running.get() && outcome.get() != Outcome.NONE) {
      outcome.set(Outcome.NONE);
      status.set("");
      problems.clear();
    }
  }

  public StringProperty projectsProperty() {
    return projects;
  }

  public BooleanProperty useKeyFileProperty() {
    return useKeyFile;
  }

  public StringProperty keyFileProperty() {
    return keyFile;
  }

  public StringProperty endpointProperty() {
    return endpoint;
  }

  public IntegerProperty jobHistoryDaysProperty() {
    return jobHistoryDays;
  }

  /** The region whose job history is read; empty: every region that holds a crawled dataset. */
  public StringProperty jobHistoryRegionProperty() {
    return jobHistoryRegion;
  }

  /** Whether the crawl reads metadata with region-level INFORMATION_SCHEMA queries first. */
  public BooleanProperty informationSchemaProperty() {
    return informationSchema;
  }

  /** Whether the catalog is open (a crawl needs it); the window binds it. */
  public BooleanProperty catalogReadyProperty() {
    return catalogReady;
  }

  /** The Application Default Credentials found on this computer, in one sentence. */
  public ReadOnlyStringProperty applicationDefaultProperty() {
    return applicationDefault.getReadOnlyProperty();
  }

  /** A note on the credentials, e.g. that none are sent to a custom endpoint; empty otherwise. */
  public StringBinding credentialsNoteProperty() {
    return credentialsNote;
  }

  /** What is wrong with the input, in one sentence; empty when Test and Crawl may run. */
  public StringBinding validationProperty() {
    return validation;
  }

  /** The outcome of the last test or crawl, or what is being done, in words. */
  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<Outcome> outcomeProperty() {
    return outcome.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty runningProperty() {
    return running.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty crawlingProperty() {
    return crawling.getReadOnlyProperty();
  }

  /** Crawl progress 0..1, or -1 while unknown. */
  public ReadOnlyDoubleProperty progressProperty() {
    return progress.getReadOnlyProperty();
  }

  /** The crawl's current stage, e.g. "tables: 40 of 120". */
  public ReadOnlyStringProperty progressTextProperty() {
    return progressText.getReadOnlyProperty();
  }

  /** The datasets and tables the last crawl could not read, one sentence each. */
  public ObservableList<String> problems() {
    return problemsView;
  }

  public BooleanBinding canTestProperty() {
    return canTest;
  }

  public BooleanBinding canCrawlProperty() {
    return canCrawl;
  }
}
