package corpus.app.workbench;

import corpus.app.task.Debouncer;
import corpus.app.task.TaskExecutor;
import corpus.app.task.TaskHandle;
import corpus.app.task.Tasks;
import corpus.indexer.warehouse.Bytes;
import corpus.indexer.warehouse.Estimate;
import corpus.indexer.warehouse.Hint;
import corpus.indexer.warehouse.Problem;
import corpus.indexer.warehouse.QueryRefusedException;
import corpus.indexer.warehouse.QueryResult;
import corpus.indexer.warehouse.QueryRunner;
import corpus.indexer.warehouse.TableCost;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One workbench tab: the SQL being written, its live estimate (summary, problems at their place, the per-table
 * breakdown, coaching hints to apply), and its runs (confirmation above the threshold, writing switched on per
 * tab, elapsed time, cancel, the result and its export). Estimates follow typing through the debouncer and run
 * on the executor's background side; a newer estimate or run supersedes an older one.
 */
public final class QueryTabViewModel {

  private static final Logger LOG = LoggerFactory.getLogger(QueryTabViewModel.class);

  /** Rows kept in memory for the grid. */
  static final int MAX_ROWS = 100_000;

  private final StringProperty title = new SimpleStringProperty(this, "title");
  private final StringProperty sql = new SimpleStringProperty(this, "sql", "");
  private final BooleanProperty writingAllowed = new SimpleBooleanProperty(this, "writingAllowed");
  private final ReadOnlyBooleanWrapper estimating = new ReadOnlyBooleanWrapper(this, "estimating");
  private final ReadOnlyObjectWrapper<Estimate> estimate = new ReadOnlyObjectWrapper<>(this, "estimate");
  private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
  private final ObservableList<Problem> problems = FXCollections.observableArrayList();
  private final ObservableList<TableCost> tables = FXCollections.observableArrayList();
  private final ObservableList<Hint> hints = FXCollections.observableArrayList();
  private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
  private final ReadOnlyStringWrapper confirmation = new ReadOnlyStringWrapper(this, "confirmation", "");
  private final ReadOnlyStringWrapper runStatus = new ReadOnlyStringWrapper(this, "runStatus", "");
  private final ReadOnlyBooleanWrapper runFailed = new ReadOnlyBooleanWrapper(this, "runFailed");
  private final ReadOnlyObjectWrapper<QueryResult> result = new ReadOnlyObjectWrapper<>(this, "result");

  private final TaskExecutor executor;
  private final Debouncer debouncer;
  private final ObservableValue<WorkbenchSession> session;
  private final Guardrails guardrails;
  private final Consumer<QueryTabViewModel> afterRun;
  private final Clock clock;
  private TaskHandle<?> estimation;
  private TaskHandle<?> run;
  private long estimateGeneration;
  private Instant runStarted;
  private String pendingSql;
  private final ObservableList<SqlCompletion.Suggestion> completions = FXCollections.observableArrayList();
  private SqlCompletion.Word completionWord;
  private TaskHandle<?> completion;

  /**
   * @param session the open session, null while none is
   * @param afterRun called on the UI thread after every run attempt (to refresh the history)
   */
  public QueryTabViewModel(String title, TaskExecutor executor, Debouncer debouncer,
      ObservableValue<WorkbenchSession> session, Guardrails guardrails, Consumer<QueryTabViewModel> afterRun,
      Clock clock) {
    this.title.set(title);
    this.executor = executor;
    this.debouncer = debouncer;
    this.session = session;
    this.guardrails = guardrails;
    this.afterRun = afterRun;
    this.clock = clock;
    sql.addListener((obs, old, text) -> debouncer.submit(this::estimateNow));
  }

  /** Estimates the current SQL now, cancelling an estimate still running. */
  public void estimateNow() {
    if (estimation != null) {
      estimation.cancel();
      estimation = null;
    }
    long generation = ++estimateGeneration;
    String text = sql.get();
    WorkbenchSession s = session.getValue();
    if (text.isBlank()) {
      showEstimate(null, "");
      return;
    }
    if (s == null) {
      showEstimate(null, "The estimate appears once the warehouse is open.");
      return;
    }
    estimating.set(true);
    estimation = Tasks.create(() -> s.estimate(text))
        .onSuccess(e -> {
          if (generation == estimateGeneration) {
            showEstimate(e, e.summary());
          }
        })
        .onError(Exception.class, e -> {
          if (generation == estimateGeneration) {
            LOG.warn("Estimate failed: {}", e.toString());
            showEstimate(null, "The query could not be estimated: " + message(e));
          }
        })
        .andFinally(() -> {
          if (generation == estimateGeneration) {
            estimating.set(false);
          }
        })
        .runOn(executor);
  }

  private void showEstimate(Estimate e, String text) {
    estimate.set(e);
    summary.set(text);
    problems.setAll(e == null ? java.util.List.of() : e.problems());
    tables.setAll(e == null || e.cost() == null ? java.util.List.of() : e.cost().tables());
    hints.setAll(e == null ? java.util.List.of() : e.hints());
  }

  /** Applies a hint's edits to the SQL (only when it is still about the text shown). */
  public void apply(Hint hint) {
    Estimate e = estimate.get();
    if (!hint.applicable() || e == null || !e.sql().equals(sql.get())) {
      return;
    }
    sql.set(hint.apply(sql.get()));
  }

  /**
   * Runs the SQL behind the guardrails: when it would bill more than the confirmation threshold the run waits
   * for {@link #confirmRun()}; the runner refuses writes (unless switched on) and queries over the budget.
   */
  public void run() {
    WorkbenchSession s = session.getValue();
    String text = sql.get();
    if (running.get() || text.isBlank()) {
      return;
    }
    if (s == null) {
      fail("The warehouse is not open yet.");
      return;
    }
    debouncer.cancel();
    running.set(true);
    runFailed.set(false);
    runStarted = clock.instant();
    runStatus.set("Estimating…");
    run = Tasks.create(() -> s.estimate(text))
        .onSuccess(e -> {
          long billed = e.cost() == null ? 0 : e.cost().bytesBilled();
          if (e.runnable() && billed > guardrails.confirmAboveProperty().get()
              && billed <= guardrails.maxBytesBilledProperty().get()) {
            running.set(false);
            pendingSql = text;
            runStatus.set("");
            confirmation.set("This query will bill " + Bytes.format(billed) + " ≈ "
                + Bytes.usd(s.pricing().cost(billed)) + ", more than " + Bytes.format(
                    guardrails.confirmAboveProperty().get()) + ". Run it anyway?");
          } else {
            execute(s, text);
          }
        })
        .onError(Exception.class, e -> {
          running.set(false);
          fail("The query could not be estimated: " + message(e));
        })
        .onCancelled(() -> {
          running.set(false);
          runStatus.set("Cancelled.");
        })
        .runOn(executor);
  }

  /** Runs the query that waited for confirmation. */
  public void confirmRun() {
    WorkbenchSession s = session.getValue();
    String text = pendingSql;
    confirmation.set("");
    pendingSql = null;
    if (s != null && text != null) {
      running.set(true);
      runStarted = clock.instant();
      execute(s, text);
    }
  }

  /** Drops the query that waited for confirmation. */
  public void dismissConfirmation() {
    confirmation.set("");
    pendingSql = null;
    runStatus.set("Not run.");
  }

  private void execute(WorkbenchSession s, String text) {
    QueryRunner.Options options = new QueryRunner.Options(writingAllowed.get(),
        guardrails.maxBytesBilledProperty().get(), MAX_ROWS);
    runStatus.set("Running…");
    run = Tasks.create(() -> s.run(text, options))
        .onSuccess(r -> {
          result.set(r);
          runFailed.set(false);
          runStatus.set(describe(r, s));
        })
        .onError(QueryRefusedException.class, e -> fail(e.getMessage()))
        .onError(IOException.class, e -> fail("The query failed: " + message(e)))
        .onError(Exception.class, e -> {
          LOG.warn("Query failed: {}", e.toString());
          fail("The query failed: " + message(e));
        })
        .onCancelled(() -> runStatus.set("Cancelled after " + elapsedText(clock.instant()) + "."))
        .andFinally(() -> {
          running.set(false);
          run = null;
          afterRun.accept(this);
        })
        .runOn(executor);
  }

  private static String describe(QueryResult r, WorkbenchSession s) {
    String rows = String.format(Locale.ROOT, "%,d row%s", r.totalRows(), r.totalRows() == 1 ? "" : "s");
    if (r.truncated()) {
      rows += String.format(Locale.ROOT, " (first %,d shown)", r.rows().size());
    }
    return rows + " in " + seconds(r.tookMs()) + " · " + Bytes.format(r.bytesBilled()) + " billed ≈ "
        + Bytes.usd(s.pricing().cost(r.bytesBilled()));
  }

  /** Interrupts the estimate or run in progress. */
  public void cancel() {
    if (run != null) {
      run.cancel();
    }
  }

  /** Writes the result to a file in the background; the status line says how it went. */
  public void export(ResultExport.Format format, Path file) {
    QueryResult r = result.get();
    if (r == null) {
      return;
    }
    Tasks.create(() -> {
      ResultExport.write(r, format, file);
      return file;
    })
        .onSuccess(f -> runStatus.set(String.format(Locale.ROOT, "Saved %,d rows to %s", r.rows().size(),
            f.getFileName())))
        .onError(IOException.class, e -> fail("Could not save " + file.getFileName() + ": " + message(e)))
        .runOn(executor);
  }

  /**
   * Completes the name at the caret from the catalog (table ids and column paths) in the background; the
   * suggestions appear in {@link #completions()}.
   */
  public void complete(corpus.indexer.catalog.CatalogReader catalog, int caret) {
    String text = sql.get();
    SqlCompletion.Word word = SqlCompletion.wordAt(text, Math.min(caret, text.length()));
    completionWord = word;
    if (catalog == null || word.prefix().isEmpty()) {
      completions.clear();
      return;
    }
    if (completion != null) {
      completion.cancel();
    }
    completion = Tasks.create(() -> {
      java.util.List<SqlCompletion.Suggestion> out = new java.util.ArrayList<>();
      for (String name : catalog.complete(word.prefix(), 12)) {
        boolean table = name.chars().filter(c -> c == '.').count() == 2 && isTable(catalog, name);
        out.add(new SqlCompletion.Suggestion(name, table));
      }
      return out;
    })
        .onSuccess(list -> {
          if (word.equals(completionWord)) {
            completions.setAll(list);
          }
        })
        .onError(Exception.class, e -> completions.clear())
        .runOn(executor);
  }

  private static boolean isTable(corpus.indexer.catalog.CatalogReader catalog, String name) {
    try {
      return catalog.table(corpus.indexer.model.TableId.parse(name)).isPresent();
    } catch (IllegalArgumentException | IOException e) {
      return false;
    }
  }

  /** Replaces the name at the caret by {@code suggestion}; returns the new caret. */
  public int acceptCompletion(SqlCompletion.Suggestion suggestion) {
    SqlCompletion.Word word = completionWord;
    completions.clear();
    if (word == null) {
      return 0;
    }
    SqlComments.Edit edit = SqlCompletion.apply(sql.get(), word, suggestion);
    sql.set(edit.text());
    return edit.selectionStart();
  }

  /** Completions of the name at the caret, tables first. */
  public ObservableList<SqlCompletion.Suggestion> completions() {
    return completions;
  }

  /** Lays the SQL out one clause per line ({@link SqlFormatter}). */
  public void format() {
    if (!sql.get().isBlank()) {
      sql.set(SqlFormatter.format(sql.get()));
    }
  }

  /** Toggles {@code --} comments on the selected lines; returns the new selection. */
  public SqlComments.Edit toggleComment(int selectionStart, int selectionEnd) {
    SqlComments.Edit edit = SqlComments.toggle(sql.get(), selectionStart, selectionEnd);
    sql.set(edit.text());
    return edit;
  }

  /** How long the current run has taken, e.g. {@code 3.4 s}. */
  public String elapsedText(Instant now) {
    return runStarted == null ? "" : seconds(Duration.between(runStarted, now).toMillis());
  }

  private static String seconds(long ms) {
    return ms < 60_000 ? String.format(Locale.ROOT, "%.1f s", ms / 1000.0)
        : String.format(Locale.ROOT, "%d min %02d s", ms / 60_000, ms / 1000 % 60);
  }

  private void fail(String message) {
    runFailed.set(true);
    runStatus.set(message);
  }

  private static String message(Throwable e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
  }

  /** Stops the tab's background work (when it is closed). */
  public void dispose() {
    debouncer.cancel();
    if (estimation != null) {
      estimation.cancel();
    }
    cancel();
  }

  public StringProperty titleProperty() { return title; }
  public StringProperty sqlProperty() { return sql; }
  /** Whether DML and DDL may run in this tab (off by default). */
  public BooleanProperty writingAllowedProperty() { return writingAllowed; }
  public ReadOnlyBooleanProperty estimatingProperty() { return estimating.getReadOnlyProperty(); }
  public ReadOnlyObjectProperty<Estimate> estimateProperty() { return estimate.getReadOnlyProperty(); }
  /** "This query will process 1.3 GB ≈ $0.008", or why there is no estimate. */
  public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
  public ObservableList<Problem> problems() { return problems; }
  /** The per-table breakdown: columns read, partitions scanned of total, bytes. */
  public ObservableList<TableCost> tables() { return tables; }
  public ObservableList<Hint> hints() { return hints; }
  public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
  /** The question to ask before a run over the threshold; blank when none waits. */
  public ReadOnlyStringProperty confirmationProperty() { return confirmation.getReadOnlyProperty(); }
  /** How the last run went, in words. */
  public ReadOnlyStringProperty runStatusProperty() { return runStatus.getReadOnlyProperty(); }
  public ReadOnlyBooleanProperty runFailedProperty() { return runFailed.getReadOnlyProperty(); }
  public ReadOnlyObjectProperty<QueryResult> resultProperty() { return result.getReadOnlyProperty(); }
}
