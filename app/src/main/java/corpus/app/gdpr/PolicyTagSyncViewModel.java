package corpus.app.gdpr;

import corpus.app.connect.ConnectionSettings;
import corpus.app.task.TaskExecutor;
import corpus.app.task.TaskHandle;
import corpus.app.task.Tasks;
import corpus.gdpr.review.ReviewFilter;
import corpus.gdpr.review.ReviewStatus;
import corpus.indexer.model.Problem;
import corpus.indexer.source.bigquery.BigQueryFailure;
import corpus.indexer.source.bigquery.PolicyTagRequest;
import corpus.indexer.source.bigquery.PolicyTagSync;
import corpus.indexer.source.bigquery.PolicyTagSyncPlan;
import corpus.indexer.source.bigquery.PolicyTagSyncResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State and actions of the "Sync to BigQuery policy tags" dialog: which saved BigQuery project to
 * sync, the preview (computed in the background: taxonomy and tags to create, each column's current
 * → new tag, conflicts, problems), and applying it with progress and cancel. Only decisions are
 * synced: confirmed and changed ones set tags, rejected ones remove Corpus tags. Without a saved BigQuery connection it explains why nothing can be
 * done.
 *
 * <pre>{@code
 * var vm = new PolicyTagSyncViewModel(reviews, connectionStore.load(), new PolicyTagSyncConnector(), executor);
 * vm.preview();   // later: vm.apply(), vm.cancel()
 * }</pre>
 */
public final class PolicyTagSyncViewModel {

  /** Shown when no BigQuery connection is saved. */
  public static final String NOT_CONNECTED = "Not connected to BigQuery: policy tags live in BigQuery and Data"
      + " Catalog. Connect first with Catalog › Connect to BigQuery…, then come back here.";

  private final ReviewService reviews;
  private final PolicyTagSyncConnector connector;
  private final TaskExecutor executor;
  private final Map<String, ConnectionSettings> byProject = new LinkedHashMap<>();
  private final ObservableList<String> projects = FXCollections.observableArrayList();
  private final StringProperty project = new SimpleStringProperty(this, "project");
  private final StringProperty taxonomy = new SimpleStringProperty(this, "taxonomy", PolicyTagSync.Options.DEFAULT_TAXONOMY);
  private final StringProperty unavailable = new SimpleStringProperty(this, "unavailable", "");
  private final ObservableList<PolicyTagSyncPlan.ColumnPlan> columns = FXCollections.observableArrayList();
  private final ObservableList<String> notes = FXCollections.observableArrayList();
  private final StringProperty summary = new SimpleStringProperty(this, "summary", "");
  private final StringProperty message = new SimpleStringProperty(this, "message", "");
  private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
  private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", -1);
  private final StringProperty progressText = new SimpleStringProperty(this, "progressText", "");
  private final ObjectProperty<PolicyTagSyncPlan> plan = new SimpleObjectProperty<>(this, "plan");
  private final BooleanBinding canApply;
  private TaskHandle<?> running;

  /** @param connections the saved BigQuery connections, read off the UI thread */
  public PolicyTagSyncViewModel(ReviewService reviews, List<ConnectionSettings> connections,
      PolicyTagSyncConnector connector, TaskExecutor executor) {
    this.reviews = reviews;
    this.connector = connector;
    this.executor = executor;
    for (ConnectionSettings s : connections) {
      s.projects().forEach(p -> byProject.putIfAbsent(p, s));
    }
    projects.setAll(byProject.keySet());
    if (projects.isEmpty()) {
      unavailable.set(NOT_CONNECTED);
    } else {
      project.set(projects.getFirst());
    }
    project.addListener((obs, old, now) -> clearPlan());
    taxonomy.addListener((obs, old, now) -> clearPlan());
    canApply = Bindings.createBooleanBinding(() -> !busy.get() && plan.get() != null && !plan.get().isEmpty(),
        busy, plan);
  }

  /** Computes the preview in the background; writes nothing. */
  public void preview() {
    if (!isConnected() || busy.get()) {
      return;
    }
    ConnectionSettings settings = byProject.get(project.get());
    PolicyTagSync.Options options = options();
    start("Reading the decisions, tables and taxonomies…");
    running = Tasks.withProgress(p -> {
      List<PolicyTagRequest> requests = requests(options.project());
      try (PolicyTagSyncConnector.Session s = connector.open(settings, options, reviews.taxonomy().version())) {
        return s.sync().plan(requests, p);
      }
    }).onSuccess(this::show)
        .onError(BigQueryFailure.class, e -> message.set(e.getMessage()))
        .onError(Exception.class, e -> message.set("The preview failed: " + e.getMessage()))
        .onCancelled(() -> message.set("Preview cancelled; nothing was changed."))
        .andFinally(this::stop)
        .runOn(executor);
    bind(running);
  }

  /** Carries out the previewed plan in the background, then previews again to show the result. */
  public void apply() {
    PolicyTagSyncPlan current = plan.get();
    if (!canApply.get() || current == null) {
      return;
    }
    ConnectionSettings settings = byProject.get(project.get());
    PolicyTagSync.Options options = options();
    start("Writing policy tags…");
    running = Tasks.withProgress(p -> {
      try (PolicyTagSyncConnector.Session s = connector.open(settings, options, reviews.taxonomy().version())) {
        PolicyTagSyncResult result = s.sync().apply(current, p);
        PolicyTagSyncPlan after = s.sync().plan(requests(options.project()), p);
        return new Applied(result, after);
      }
    }).onSuccess(a -> {
      show(a.after());
      message.set(resultText(a.result()));
    })
        .onError(BigQueryFailure.class, e -> message.set(e.getMessage()))
        .onError(Exception.class, e -> message.set("Writing policy tags failed: " + e.getMessage()))
        .onCancelled(() -> {
          clearPlan();
          message.set("Cancelled. Tags written before the cancel stay; preview again to see where things stand.");
        })
        .andFinally(this::stop)
        .runOn(executor);
    bind(running);
  }

  /** Cancels the running preview or apply. */
  public void cancel() {
    if (running != null) {
      running.cancel();
    }
  }

  private record Applied(PolicyTagSyncResult result, PolicyTagSyncPlan after) {}

  private List<PolicyTagRequest> requests(String p) throws Exception {
    return PolicyTagRequest.fromDecisions(reviews.queue(ReviewFilter.all()
        .withStatuses(Set.of(ReviewStatus.CONFIRMED, ReviewStatus.CHANGED, ReviewStatus.REJECTED))),
        reviews.taxonomy(), p);
  }

  private PolicyTagSync.Options options() {
    return PolicyTagSync.Options.of(project.get()).withTaxonomy(taxonomy.get());
  }

  private void start(String text) {
    progress.unbind();
    busy.set(true);
    message.set("");
    progress.set(-1);
    progressText.set(text);
  }

  /** Follows the task's progress; a task that already ended (a current-thread executor) is forgotten. */
  private void bind(TaskHandle<?> handle) {
    if (!handle.runningProperty().get()) {
      running = null;
      return;
    }
    progress.bind(handle.progressProperty());
    handle.messageProperty().addListener((obs, old, now) -> {
      if (now != null && !now.isBlank()) {
        progressText.set(now);
      }
    });
  }

  private void stop() {
    progress.unbind();
    progress.set(0);
    progressText.set("");
    busy.set(false);
    running = null;
  }

  private void clearPlan() {
    plan.set(null);
    columns.clear();
    notes.clear();
    summary.set("");
  }

  private void show(PolicyTagSyncPlan p) {
    plan.set(p);
    columns.setAll(p.columns());
    List<String> lines = new ArrayList<>();
    for (PolicyTagSyncPlan.LocationPlan l : p.locations()) {
      lines.add(l.createsTaxonomy()
          ? "Create taxonomy \"" + p.taxonomy() + "\" in projects/" + p.project() + "/locations/" + l.location()
          : "Taxonomy \"" + p.taxonomy() + "\" in " + l.location() + ": " + l.taxonomyName());
      l.tagsToCreate().forEach(t -> lines.add("  Create tag " + (t.parent() == null ? "" : t.parent() + " › ")
          + t.displayName()));
    }
    for (Problem problem : p.problems()) {
      lines.add("⚠ " + problem);
    }
    notes.setAll(lines);
    long unchanged = p.columns().stream().filter(c -> c.action() == PolicyTagSyncPlan.Action.UNCHANGED).count();
    if (p.columns().isEmpty() && p.problems().isEmpty()) {
      summary.set("No confirmed classifications of tables in " + p.project() + " to sync.");
    } else {
      summary.set(p.changes().size() + " column(s) to write, " + unchanged + " already tagged, "
          + p.conflicts().size() + " with another taxonomy's tag (left alone), " + p.problems().size()
          + " problem(s).");
    }
  }

  private static String resultText(PolicyTagSyncResult r) {
    String text = "Wrote " + r.applied().size() + " column tag(s) in " + r.patched().size() + " table(s)";
    if (!r.taxonomiesCreated().isEmpty() || !r.tagsCreated().isEmpty()) {
      text += "; created " + r.taxonomiesCreated().size() + " taxonomy(ies) and " + r.tagsCreated().size() + " tag(s)";
    }
    return text + (r.problems().isEmpty() ? "." : "; " + r.problems().size() + " problem(s): " + r.problems().getFirst());
  }

  public boolean isConnected() {
    return !projects.isEmpty();
  }

  public ObservableList<String> projects() {
    return projects;
  }

  public StringProperty projectProperty() {
    return project;
  }

  public StringProperty taxonomyProperty() {
    return taxonomy;
  }

  /** Why the sync cannot run (empty when it can). */
  public StringProperty unavailableProperty() {
    return unavailable;
  }

  public ObservableList<PolicyTagSyncPlan.ColumnPlan> columns() {
    return columns;
  }

  /** Taxonomy and tag creation lines, then problems. */
  public ObservableList<String> notes() {
    return notes;
  }

  public StringProperty summaryProperty() {
    return summary;
  }

  public StringProperty messageProperty() {
    return message;
  }

  public BooleanProperty busyProperty() {
    return busy;
  }

  public DoubleProperty progressProperty() {
    return progress;
  }

  public StringProperty progressTextProperty() {
    return progressText;
  }

  public ObjectProperty<PolicyTagSyncPlan> planProperty() {
    return plan;
  }

  public BooleanBinding canApplyProperty() {
    return canApply;
  }
}
