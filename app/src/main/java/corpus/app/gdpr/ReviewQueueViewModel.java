package corpus.app.gdpr;

import corpus.app.task.TaskExecutor;
import corpus.app.task.Tasks;
import corpus.gdpr.audit.AuditEntry;
import corpus.gdpr.review.FieldKey;
import corpus.gdpr.review.ReviewFilter;
import corpus.gdpr.review.ReviewItem;
import corpus.gdpr.taxonomy.Category;
import corpus.indexer.model.TableId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The GDPR review queue's state and actions: the filtered queue, the selected field with its
 * evidence, lineage path, audit history and comments, a masked example on demand (held in memory
 * for display only), and the decisions (confirm, reject, change, comment, on one field or a
 * selection). All store and warehouse work runs through {@link Tasks} on the executor.
 */
public final class ReviewQueueViewModel {

  private static final Pattern COLUMN = Pattern.compile("([A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_$-]+):[A-Za-z0-9_.]+");

  private final ReviewService service;
  private final ReviewSampling sampling;
  private final TaskExecutor executor;
  private final Consumer<TableId> openTable;

  private final ObservableList<ReviewItem> items = FXCollections.observableArrayList();
  private final IntegerProperty selectedIndex = new SimpleIntegerProperty(this, "selectedIndex", -1);
  private final ReadOnlyObjectWrapper<ReviewItem> selected = new ReadOnlyObjectWrapper<>(this, "selected");
  private final ObservableList<String> datasets = FXCollections.observableArrayList();
  private final ObservableList<String> categories = FXCollections.observableArrayList();
  private final StringProperty datasetFilter = new SimpleStringProperty(this, "datasetFilter");
  private final StringProperty categoryFilter = new SimpleStringProperty(this, "categoryFilter");
  private final DoubleProperty minConfidence = new SimpleDoubleProperty(this, "minConfidence", 0);
  private final ObjectProperty<StatusFilter> statusFilter = new SimpleObjectProperty<>(this, "statusFilter",
      StatusFilter.PENDING);
  private final ObservableList<String> evidence = FXCollections.observableArrayList();
  private final ObservableList<String> lineageTables = FXCollections.observableArrayList();
  private final ObservableList<String> history = FXCollections.observableArrayList();
  private final StringProperty maskedExample = new SimpleStringProperty(this, "maskedExample", "");
  private final StringProperty commentText = new SimpleStringProperty(this, "commentText", "");
  private final StringProperty message = new SimpleStringProperty(this, "message", "");
  private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");

  public ReviewQueueViewModel(ReviewService service, ReviewSampling sampling, TaskExecutor executor,
      Consumer<TableId> openTable) {
    this.service = service;
    this.sampling = sampling;
    this.executor = executor;
    this.openTable = openTable;
    categories.add("");
    service.taxonomy().categories().stream().map(Category::id).forEach(categories::add);
    selectedIndex.addListener((obs, old, now) -> select(now.intValue()));
    datasetFilter.addListener((obs, old, now) -> refreshIfChanged(old, now));
    categoryFilter.addListener((obs, old, now) -> refreshIfChanged(old, now));
    statusFilter.addListener((obs, old, now) -> refresh());
  }

  /** The store filter the controls describe. */
  public ReviewFilter filter() {
    ReviewFilter f = statusFilter.get().filter();
    if (datasetFilter.get() != null && !datasetFilter.get().isBlank()) {
      f = f.withDataset(datasetFilter.get());
    }
    if (categoryFilter.get() != null && !categoryFilter.get().isBlank()) {
      f = f.withCategories(Set.of(categoryFilter.get()));
    }
    return f.withMinConfidence(minConfidence.get());
  }

  private void refreshIfChanged(String old, String now) {
    if (!blankToEmpty(old).equals(blankToEmpty(now))) {
      refresh();
    }
  }

  private static String blankToEmpty(String s) {
    return s == null ? "" : s.strip();
  }

  /** Reloads the queue (and the dataset choices), keeping the selected position. */
  public void refresh() {
    ReviewFilter filter = filter();
    int keep = Math.max(0, selectedIndex.get());
    busy.set(true);
    Tasks.create(() -> new Loaded(service.queue(filter), service.datasets()))
        .onSuccess(loaded -> {
          if (!datasets.equals(loaded.datasets())) {
            datasets.setAll(loaded.datasets());
          }
          items.setAll(loaded.items());
          selectedIndex.set(-1);
          selectedIndex.set(items.isEmpty() ? -1 : Math.min(keep, items.size() - 1));
          if (items.isEmpty()) {
            message.set("Nothing to review with these filters");
          }
        })
        .onError(Exception.class, e -> message.set("The review queue could not be read: " + e.getMessage()))
        .andFinally(() -> busy.set(false))
        .runOn(executor);
  }

  private record Loaded(List<ReviewItem> items, List<String> datasets) {}

  public void next() {
    if (selectedIndex.get() < items.size() - 1) {
      selectedIndex.set(selectedIndex.get() + 1);
    }
  }

  public void previous() {
    if (selectedIndex.get() > 0) {
      selectedIndex.set(selectedIndex.get() - 1);
    }
  }

  /** Confirms the given fields (the selection), or the selected one when empty. */
  public void confirm(List<FieldKey> keys) {
    decide(ReviewService.Decision.CONFIRM, keys, null);
  }

  public void reject(List<FieldKey> keys) {
    decide(ReviewService.Decision.REJECT, keys, null);
  }

  public void change(List<FieldKey> keys, String category) {
    if (category == null || category.isBlank()) {
      message.set("Pick a category first");
      return;
    }
    decide(ReviewService.Decision.CHANGE, keys, category);
  }

  private void decide(ReviewService.Decision decision, List<FieldKey> keys, String category) {
    List<FieldKey> targets = keys == null || keys.isEmpty() ? selectedKey() : List.copyOf(keys);
    if (targets.isEmpty()) {
      return;
    }
    String reason = commentText.get() == null || commentText.get().isBlank() ? null : commentText.get().strip();
    busy.set(true);
    Tasks.create(() -> service.decide(decision, targets, category, reason))
        .onSuccess(done -> {
          commentText.set("");
          String verb = switch (decision) {
            case CONFIRM -> "Confirmed";
            case REJECT -> "Rejected";
            case CHANGE -> "Changed to " + category + ":";
          };
          message.set(verb + " " + (done.size() == 1 ? done.getFirst().key().toString() : done.size() + " fields"));
          refresh();
        })
        .onError(Exception.class, e -> message.set("Not saved: " + e.getMessage()))
        .andFinally(() -> busy.set(false))
        .runOn(executor);
  }

  /** Adds the comment box's text as a comment on the selected field. */
  public void comment() {
    List<FieldKey> key = selectedKey();
    String text = commentText.get();
    if (key.isEmpty() || text == null || text.isBlank()) {
      message.set("Write a comment first");
      return;
    }
    Tasks.create(() -> service.comment(key.getFirst(), text.strip()))
        .onSuccess(c -> {
          commentText.set("");
          message.set("Comment added to " + c.key());
          loadDetails(selected.get());
        })
        .onError(Exception.class, e -> message.set("Comment not saved: " + e.getMessage()))
        .runOn(executor);
  }

  /** Samples the selected field afresh and shows one value masked; nothing is stored. */
  public void requestMaskedExample() {
    ReviewItem item = selected.get();
    if (item == null) {
      return;
    }
    maskedExample.set("sampling…");
    Tasks.create(() -> sampling.maskedExample(item))
        .onSuccess(mask -> {
          if (item.equals(selected.get())) {
            maskedExample.set(mask.orElse("no value could be sampled"));
          }
        })
        .onError(Exception.class, e -> maskedExample.set("could not sample (" + e.getClass().getSimpleName() + ")"))
        .runOn(executor);
  }

  /** Runs a scan of the catalog, then reloads the queue. */
  public void scan() {
    busy.set(true);
    message.set("Scanning the catalog…");
    Tasks.withProgress(sampling::scan)
        .onSuccess(summary -> {
          message.set(summary);
          refresh();
        })
        .onError(Exception.class, e -> message.set("Scan failed: " + e.getMessage()))
        .andFinally(() -> busy.set(false))
        .runOn(executor);
  }

  /** Opens the page of a table on the selected field's lineage path. */
  public void openTable(String table) {
    openTable.accept(TableId.parse(table));
  }

  private List<FieldKey> selectedKey() {
    ReviewItem item = selected.get();
    return item == null ? List.of() : List.of(item.key());
  }

  private void select(int index) {
    ReviewItem item = index >= 0 && index < items.size() ? items.get(index) : null;
    selected.set(item);
    maskedExample.set("");
    evidence.clear();
    lineageTables.clear();
    history.clear();
    if (item == null) {
      return;
    }
    evidence.setAll(item.evidence());
    if (item.needsReReview() && item.reReviewReason() != null) {
      evidence.addFirst("re-review: " + item.reReviewReason());
    }
    lineageTables.setAll(lineageTables(item));
    loadDetails(item);
  }

  /** Tables named on the lineage paths of the evidence, upstream first, without the field's own table. */
  static List<String> lineageTables(ReviewItem item) {
    Set<String> out = new LinkedHashSet<>();
    for (String e : item.evidence()) {
      if (!e.contains("derived from")) {
        continue;
      }
      Matcher m = COLUMN.matcher(e);
      while (m.find()) {
        if (!m.group(1).equals(item.key().table())) {
          out.add(m.group(1));
        }
      }
    }
    return new ArrayList<>(out);
  }

  private void loadDetails(ReviewItem item) {
    Tasks.create(() -> service.details(item.key()))
        .onSuccess(d -> {
          if (!item.equals(selected.get())) {
            return;
          }
          List<String> lines = new ArrayList<>();
          for (AuditEntry e : d.history()) {
            lines.add(describe(e));
          }
          history.setAll(lines);
        })
        .onError(Exception.class, e -> history.setAll("history could not be read: " + e.getMessage()))
        .runOn(executor);
  }

  static String describe(AuditEntry e) {
    StringBuilder sb = new StringBuilder().append(e.timestamp()).append("  ").append(e.actor()).append(' ');
    if ("COMMENT".equals(e.action())) {
      return sb.append("commented: ").append(e.reason()).toString();
    }
    sb.append(e.action().toLowerCase(Locale.ROOT).replace('_', ' ')).append(": ").append(e.fromState())
        .append(" → ").append(e.toState());
    if (e.toCategory() != null) {
      sb.append(" (").append(e.fromCategory()).append(" → ").append(e.toCategory()).append(')');
    }
    if (e.reason() != null) {
      sb.append(" — ").append(e.reason());
    }
    return sb.toString();
  }

  public ObservableList<ReviewItem> items() { return items; }
  public IntegerProperty selectedIndexProperty() { return selectedIndex; }
  public ReadOnlyObjectProperty<ReviewItem> selectedProperty() { return selected.getReadOnlyProperty(); }
  public ObservableList<String> datasets() { return datasets; }
  public ObservableList<String> categories() { return categories; }
  public StringProperty datasetFilterProperty() { return datasetFilter; }
  public StringProperty categoryFilterProperty() { return categoryFilter; }
  public DoubleProperty minConfidenceProperty() { return minConfidence; }
  public ObjectProperty<StatusFilter> statusFilterProperty() { return statusFilter; }
  public ObservableList<String> evidence() { return evidence; }
  public ObservableList<String> lineageTables() { return lineageTables; }
  public ObservableList<String> history() { return history; }
  public StringProperty maskedExampleProperty() { return maskedExample; }
  public StringProperty commentTextProperty() { return commentText; }
  public StringProperty messageProperty() { return message; }
  public BooleanProperty busyProperty() { return busy; }
}
