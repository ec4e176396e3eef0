package corpus.app.table;

import corpus.app.Navigator;
import corpus.app.format.Formats;
import corpus.app.lineage.GraphLayout;
import corpus.app.lineage.LineageViewModel;
import corpus.app.task.TaskExecutor;
import corpus.app.task.TaskHandle;
import corpus.app.task.Tasks;
import corpus.indexer.catalog.CatalogReader;
import corpus.indexer.catalog.DocRef;
import corpus.app.doc.PreparedDoc;
import corpus.indexer.model.Doc;
import corpus.indexer.gdpr.FieldStatus;
import corpus.indexer.model.Field;
import corpus.indexer.model.Table;
import corpus.indexer.model.TableId;
import corpus.indexer.model.TableTraits;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * State of the table page: the table's header (id, kind, description, owner, labels), its
 * storage facts, its schema, the design documents that mention it and the one opened beside it.
 * {@link #load} reads everything off the UI thread; a newer load supersedes an older one.
 */
public final class TablePageViewModel {

  /** What the page shows. */
  public enum State {
    EMPTY,
    LOADING,
    READY,
    NOT_FOUND,
    FAILED
  }

  private static final Logger LOG = LoggerFactory.getLogger(TablePageViewModel.class);

  private final ObjectProperty<CatalogReader> catalog = new SimpleObjectProperty<>(this, "catalog");
  private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.EMPTY);
  private final ReadOnlyObjectWrapper<TableId> tableId = new ReadOnlyObjectWrapper<>(this, "tableId");
  private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
  private final ReadOnlyStringWrapper kind = new ReadOnlyStringWrapper(this, "kind", "");
  private final ReadOnlyStringWrapper friendlyName = new ReadOnlyStringWrapper(this, "friendlyName", "");
  private final ReadOnlyStringWrapper description = new ReadOnlyStringWrapper(this, "description", "");
  private final ReadOnlyStringWrapper owner = new ReadOnlyStringWrapper(this, "owner", "");
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
  private final ReadOnlyStringWrapper scd = new ReadOnlyStringWrapper(this, "scd", "");
  private final ObservableList<String> labels = FXCollections.observableArrayList();
  private final ObservableList<String> badges = FXCollections.observableArrayList();
  private final ObservableList<Fact> facts = FXCollections.observableArrayList();
  private final ObservableList<Field> schema = FXCollections.observableArrayList();
  private final ReadOnlyObjectWrapper<Map<String, FieldStatus>> gdpr = new ReadOnlyObjectWrapper<>(this, "gdpr", Map.of());
  private final ObservableList<DocRef> docs = FXCollections.observableArrayList();
  private final ReadOnlyObjectWrapper<PreparedDoc> openDoc = new ReadOnlyObjectWrapper<>(this, "openDoc");

  private final TaskExecutor executor;
  private final Navigator navigator;
  private final Formats formats;
  private final LineageViewModel lineage;
  private TaskHandle<?> loading;
  private FieldStatusSource statuses = FieldStatusSource.NONE;
  private long generation;

  public TablePageViewModel(TaskExecutor executor, Navigator navigator, Formats formats) {
    this.executor = executor;
    this.navigator = navigator;
    this.formats = formats;
    this.lineage = new LineageViewModel(executor, navigator, GraphLayout.standard());
    lineage.catalogProperty().bind(catalog);
  }

  /** Where the schema's GDPR column comes from (default: nowhere). */
  public void setFieldStatuses(FieldStatusSource source) {
    this.statuses = source;
  }

  /** Shows the page of a table, reading it from the catalog in the background. */
  public void load(TableId id) {
    if (loading != null) {
      loading.cancel();
    }
    long current = ++generation;
    tableId.set(id);
    title.set(id.toString());
    openDoc.set(null);
    lineage.show(id);
    CatalogReader reader = catalog.get();
    if (reader == null) {
      fail("The catalog is not open yet.");
      return;
    }
    state.set(State.LOADING);
    loading =
        Tasks.create(() -> TablePageData.read(reader, id))
            .onSuccess(data -> {
              if (current == generation) {
                show(id, data);
              }
            })
            .onError(Exception.class, e -> {
              LOG.warn("Could not read table {}", id, e);
              fail("The table could not be read from the catalog.");
            })
            .runOn(executor);
  }

  private void show(TableId id, Optional<TablePageData> data) {
    if (data.isEmpty()) {
      clear();
      error.set("The catalog has no table " + id + ". It may have been removed by the last crawl.");
      state.set(State.NOT_FOUND);
      return;
    }
    Table table = data.get().table();
    title.set(table.id().toString());
    kind.set(table.kind().label().replace('_', ' '));
    friendlyName.set(table.friendlyName() == null ? "" : table.friendlyName());
    description.set(table.description() == null ? "" : table.description());
    String ownerName = TableTraits.owner(table, data.get().dataset());
    owner.set(ownerName == null ? "" : ownerName);
    labels.setAll(table.labels().entrySet().stream()
        .filter(e -> !e.getKey().equals("owner"))
        .sorted(Map.Entry.comparingByKey())
        .map(e -> e.getKey() + ": " + e.getValue())
        .toList());
    badges.setAll(TableTraits.badges(table, data.get().dataset()).stream()
        .filter(b -> !b.equals(table.kind().label()))
        .toList());
    facts.setAll(TableFacts.of(table, data.get().dataset(), data.get().usage(), formats));
    gdpr.set(Map.of());
    schema.setAll(table.schema());
    docs.setAll(data.get().docs());
    scd.set(data.get().scd() == null ? "" : data.get().scd().summary());
    error.set("");
    state.set(State.READY);
    loadStatuses(table);
  }

  /** Reads the GDPR classification of every field in the background; a failure leaves the column empty. */
  private void loadStatuses(Table table) {
    long current = generation;
    FieldStatusSource source = statuses;
    Tasks.create(() -> source.read(table))
        .onSuccess(read -> {
          if (current == generation) {
            gdpr.set(Map.copyOf(read));
          }
        })
        .onError(Exception.class, e -> LOG.warn("Could not read the GDPR classifications of {}: {}", table.id(),
            e.getMessage()))
        .runOn(executor);
  }

  private void fail(String message) {
    clear();
    error.set(message);
    state.set(State.FAILED);
  }

  private void clear() {
    kind.set("");
    friendlyName.set("");
    description.set("");
    owner.set("");
    labels.clear();
    badges.clear();
    facts.clear();
    schema.clear();
    gdpr.set(Map.of());
    docs.clear();
    scd.set("");
  }

  /** Opens the SCD page of the table (entity history, as-of view, health check). */
  public void openScd(corpus.app.scd.ScdPageViewModel.Section section) {
    TableId id = tableId.get();
    if (id != null && !scd.get().isEmpty()) {
      navigator.go(new corpus.app.Place.Scd(id, section));
    }
  }

  /** Reads a design document and shows it beside the table. */
  public void openDoc(DocRef ref) {
    CatalogReader reader = catalog.get();
    if (reader == null) {
      return;
    }
    long current = generation;
    Tasks.create(() -> PreparedDoc.of(reader.doc(ref.id())
            .orElse(new Doc(ref.id(), ref.title(), ref.path(), List.of(), List.of())))) // parsed here, off the FX thread
        .onSuccess(doc -> {
          if (current == generation) {
            openDoc.set(doc);
          }
        })
        .onError(Exception.class, e -> {
          LOG.warn("Could not read doc {}", ref.id(), e);
          error.set("The document " + ref.title() + " could not be read.");
        })
        .runOn(executor);
  }

  /** Opens the page of another table, e.g. one a design document mentions. */
  public void openTable(TableId id) {
    navigator.go(new corpus.app.Place.Table(id));
  }

  public void closeDoc() {
    openDoc.set(null);
  }

  /** Back to where the user came from, usually the search results. */
  public void back() {
    navigator.back();
  }

  /** The lineage tab of the page. */
  public LineageViewModel lineage() { return lineage; }
  public ObjectProperty<CatalogReader> catalogProperty() { return catalog; }
  public ReadOnlyObjectProperty<State> stateProperty() { return state.getReadOnlyProperty(); }
  public ReadOnlyObjectProperty<TableId> tableIdProperty() { return tableId.getReadOnlyProperty(); }
  public ReadOnlyStringProperty titleProperty() { return title.getReadOnlyProperty(); }
  /** Table, view, materialized view, external or snapshot. */
  public ReadOnlyStringProperty kindProperty() { return kind.getReadOnlyProperty(); }
  public ReadOnlyStringProperty friendlyNameProperty() { return friendlyName.getReadOnlyProperty(); }
  public ReadOnlyStringProperty descriptionProperty() { return description.getReadOnlyProperty(); }
  public ReadOnlyStringProperty ownerProperty() { return owner.getReadOnlyProperty(); }
  /** Why the page is empty, in words for the user; blank when it is not. */
  public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
  /** Labels other than the owner, as {@code key: value}, sorted by key. */
  public ObservableList<String> labels() { return labels; }
  /** Traits such as published, documented, scd2, partitioned. */
  public ObservableList<String> badges() { return badges; }
  public ObservableList<Fact> facts() { return facts; }
  public ObservableList<Field> schema() { return schema; }
  /** The GDPR classification of each leaf field of the schema, by dotted path; filled after the schema. */
  public ReadOnlyObjectProperty<Map<String, FieldStatus>> gdprProperty() { return gdpr.getReadOnlyProperty(); }
  public ObservableList<DocRef> docs() { return docs; }
  /** "SCD type 2 · key: track_id, territory" for SCD tables; blank otherwise. */
  public ReadOnlyStringProperty scdProperty() { return scd.getReadOnlyProperty(); }
  /** The design document shown beside the table; null when none is open. */
  public ReadOnlyObjectProperty<PreparedDoc> openDocProperty() { return openDoc.getReadOnlyProperty(); }
}
