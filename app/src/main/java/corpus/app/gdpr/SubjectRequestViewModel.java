package corpus.app.gdpr;

import corpus.app.task.TaskExecutor;
import corpus.app.task.TaskHandle;
import corpus.app.task.Tasks;
import corpus.gdpr.report.SubjectRequests;
import corpus.gdpr.taxonomy.Category;
import corpus.gdpr.taxonomy.CategoryGroup;
import corpus.gdpr.taxonomy.Taxonomy;
import corpus.indexer.gdpr.SubjectRequestCosts;
import corpus.indexer.progress.ProgressListener;
import corpus.indexer.warehouse.Bytes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * State of the data-subject request screen: pick an identifier kind, find every table holding it
 * with parameterised access and erasure statements and their cost estimates (computed in a
 * background task with progress and cancel), and copy a statement. The subject's value never
 * enters the SQL: it is only bound as the {@code @subject_id} parameter of the copied {@code bq}
 * command, and it is never stored or logged.
 */
public final class SubjectRequestViewModel {

  /** Finds the tables holding an identifier kind and estimates their statements; blocking. */
  @FunctionalInterface
  public interface Planner {
    List<SubjectRequestCosts.Costed> plan(String kind, ProgressListener progress) throws Exception;
  }

  /**
   * One statement as the screen lists it.
   *
   * @param table {@code project.dataset.table}
   * @param statement the statement and its estimate
   */
  public record Row(String table, SubjectRequestCosts.Statement statement) {

    /** {@code access} or {@code erasure}. */
    public String kind() {
      return statement.kind().name().toLowerCase(Locale.ROOT);
    }

    public String sql() {
      return statement.sql();
    }

    /** {@code 1.8 MB processed · 10 MB billed ≈ $0.000060}, or why there is no figure. */
    public String estimate() {
      return SubjectRequestViewModel.estimate(statement);
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(SubjectRequestViewModel.class);

  private final Planner planner;
  private final TaskExecutor executor;
  private final ObservableList<String> kinds = FXCollections.observableArrayList();
  private final StringProperty kind = new SimpleStringProperty(this, "kind", "user_id");
  private final StringProperty value = new SimpleStringProperty(this, "value", "");
  private final ObservableList<Row> rows = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper total = new ReadOnlyStringWrapper(this, "total", "");
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
  private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
  private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress");
  private TaskHandle<?> running;

  public SubjectRequestViewModel(Taxonomy taxonomy, Planner planner, TaskExecutor executor) {
    this.planner = planner;
    this.executor = executor;
    List<String> ids = new ArrayList<>();
    for (Category c : taxonomy.categories()) {
      if (c.group() == CategoryGroup.DIRECT_IDENTIFIER || c.group() == CategoryGroup.PSEUDONYMOUS) {
        ids.add(c.id());
      }
    }
    kinds.setAll(ids);
  }

  /** Finds the tables holding the chosen kind and estimates their statements, in the background. */
  public void find() {
    cancel();
    String chosen = kind.get();
    rows.clear();
    total.set("");
    message.set("Finding tables holding " + chosen + "…");
    busy.set(true);
    progress.unbind();
    progress.set(-1);
    TaskHandle<List<SubjectRequestCosts.Costed>> handle = Tasks.withProgress(p -> planner.plan(chosen, p))
        .onSuccess(costed -> show(chosen, costed))
        .onError(Exception.class, e -> {
          LOG.warn("Data-subject request for {} failed: {}", chosen, e.getClass().getSimpleName());
          message.set("The tables holding " + chosen + " could not be found: " + e.getMessage());
        })
        .onCancelled(() -> message.set("Cancelled."))
        .andFinally(() -> busy.set(false))
        .runOn(executor);
    running = handle;
    progress.bind(handle.progressProperty());
  }

  public void cancel() {
    if (running != null) {
      running.cancel();
      running = null;
    }
  }

  private void show(String chosen, List<SubjectRequestCosts.Costed> costed) {
    List<Row> out = new ArrayList<>();
    for (SubjectRequestCosts.Costed c : costed) {
      for (SubjectRequestCosts.Statement s : c.statements()) {
        out.add(new Row(c.plan().plan().table(), s));
      }
    }
    rows.setAll(out);
    SubjectRequestCosts.Total t = SubjectRequestCosts.total(costed);
    total.set(costed.isEmpty() ? "" : String.format(Locale.ROOT, "Total: %d statement(s) process %s, bill %s ≈ %s%s",
        t.statements(), Bytes.format(t.bytesProcessed()), Bytes.format(t.bytesBilled()), Bytes.usd(t.costUsd()),
        t.unestimated() == 0 ? "" : " (" + t.unestimated() + " not estimated)"));
    message.set(costed.isEmpty() ? "No table holds " + chosen + "."
        : costed.size() + " table(s) hold " + chosen + ". Bind @" + SubjectRequests.PARAMETER
            + " (STRING) to the subject's identifier; the value is never written into the SQL.");
  }

  /** The statement as copied: a comment on binding the parameter, then the SQL. */
  public String copyText(Row row) {
    return "-- bind @" + SubjectRequests.PARAMETER + " (STRING) to the subject's identifier\n" + row.sql() + "\n";
  }

  /**
   * A {@code bq query} command running the statement with the subject's value bound as the
   * {@code @subject_id} parameter (shell-quoted), never spliced into the SQL; null while no value is given.
   */
  public String bqCommand(Row row) {
    String v = value.get();
    if (v == null || v.isBlank()) {
      return null;
    }
    return "bq query --use_legacy_sql=false --parameter=" + shellQuote(SubjectRequests.PARAMETER + ":STRING:" + v.strip())
        + " " + shellQuote(row.sql());
  }

  static String shellQuote(String s) {
    return "'" + s.replace("'", "'\"'\"'") + "'";
  }

  static String estimate(SubjectRequestCosts.Statement s) {
    if (s.bytesProcessed() == null) {
      return "not estimated: " + s.problem();
    }
    return Bytes.format(s.bytesProcessed()) + " processed · " + Bytes.format(s.bytesBilled()) + " billed ≈ "
        + Bytes.usd(s.costUsd()) + (s.exact() ? "" : " (from metadata)")
        + (s.problem() == null ? "" : " · " + s.problem());
  }

  public ObservableList<String> kinds() { return kinds; }
  public StringProperty kindProperty() { return kind; }
  /** The subject's identifier: bound as a parameter of the copied command only, never kept. */
  public StringProperty valueProperty() { return value; }
  public ObservableList<Row> rows() { return rows; }
  public ReadOnlyStringProperty totalProperty() { return total.getReadOnlyProperty(); }
  public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
  public ReadOnlyBooleanProperty busyProperty() { return busy; }
  public DoubleProperty progressProperty() { return progress; }
}
