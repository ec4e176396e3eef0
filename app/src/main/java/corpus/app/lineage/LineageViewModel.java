package corpus.app.lineage;

import corpus.app.Navigator;
import corpus.app.Place;
import corpus.app.task.TaskExecutor;
import corpus.app.task.TaskHandle;
import corpus.app.task.Tasks;
import corpus.indexer.catalog.CatalogReader;
import corpus.indexer.model.Table;
import corpus.indexer.model.TableId;
import corpus.lineage.graph.EdgeOrigin;
import corpus.lineage.graph.LineageGraph;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * State of the lineage view of one table: the shown part of the catalog's lineage graph around the table (or
 * one of its columns, in column mode), laid out off the UI thread; the SQL of the selected edge; and the
 * impact of changing the table or column, exportable as CSV. Reads the catalog only while the view is
 * {@linkplain #setActive active}, so a table page without the lineage tab open costs nothing.
 */
public final class LineageViewModel {

  /** What the view shows. */
  public enum State { EMPTY, LOADING, READY, NO_LINEAGE, FAILED }

  private static final Logger LOG = LoggerFactory.getLogger(LineageViewModel.class);

  private final ObjectProperty<CatalogReader> catalog = new SimpleObjectProperty<>(this, "catalog");
  private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.EMPTY);
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
  private final ReadOnlyObjectWrapper<TableId> table = new ReadOnlyObjectWrapper<>(this, "table");
  private final ReadOnlyObjectWrapper<String> column = new ReadOnlyObjectWrapper<>(this, "column");
  private final IntegerProperty hops = new SimpleIntegerProperty(this, "hops", 1);
  private final ObservableList<String> columns = FXCollections.observableArrayList();
  private final ReadOnlyObjectWrapper<LineageDrawing> drawing = new ReadOnlyObjectWrapper<>(this, "drawing");
  private final ReadOnlyBooleanWrapper layingOut = new ReadOnlyBooleanWrapper(this, "layingOut");
  private final ReadOnlyObjectWrapper<EdgeSql> edgeSql = new ReadOnlyObjectWrapper<>(this, "edgeSql");
  private final ObservableList<EdgeOrigin> edgeOrigins = FXCollections.observableArrayList();
  private final ReadOnlyObjectWrapper<ImpactReport> impact = new ReadOnlyObjectWrapper<>(this, "impact");

  private final TaskExecutor executor;
  private final Navigator navigator;
  private final GraphLayout layout;
  private boolean active;
  private boolean warmedUp;
  private TableId loaded;
  private LineageGraph graph;
  private LineageSubgraph subgraph;
  private long generation;
  private TaskHandle<?> layoutTask;
  private LineageSubgraph.Link selectedLink;

  public LineageViewModel(TaskExecutor executor, Navigator navigator, GraphLayout layout) {
    this.executor = executor;
    this.navigator = navigator;
    this.layout = layout;
    hops.addListener((obs, old, now) -> rebuild());
  }

  /** The table whose lineage to show; read at once when the view is active, else when it becomes active. */
  public void show(TableId id) {
    if (!warmedUp) {
      warmedUp = true;
      Tasks.create(() -> {
            ElkGraphLayout.warmUp();
            LineageWarmUp.run();
            return null;
          })
          .onError(Exception.class, e -> LOG.warn("Layout warm-up failed", e))
          .runOn(executor);
    }
    table.set(id);
    if (active) {
      load();
    }
  }

  /** Whether the lineage view is on screen; becoming active loads the current table if needed. */
  public void setActive(boolean active) {
    this.active = active;
    if (active && table.get() != null && !table.get().equals(loaded)) {
      load();
    }
  }

  /** Reads the lineage graph and the table's columns, then shows the table with {@link #hopsProperty} hops. */
  public void load() {
    TableId id = table.get();
    CatalogReader reader = catalog.get();
    if (id == null) {
      return;
    }
    if (reader == null) {
      fail("The catalog is not open yet.");
      return;
    }
    long current = ++generation;
    loaded = id;
    column.set(null);
    columns.clear();
    edgeSql.set(null);
    edgeOrigins.clear();
    impact.set(null);
    drawing.set(null);
    state.set(State.LOADING);
    message.set("Reading lineage…");
    int startHops = hops.get();
    Tasks.create(() -> {
          LineageGraph g = reader.lineageGraph();
          Optional<Table> t = reader.table(id);
          LineageSubgraph sub = new LineageSubgraph(g, id.toString(), false, startHops);
          LineageDrawing d = LineageDrawing.of(sub.nodes(), sub.links(), sub.focus(), false, layout);
          return new Loaded(g, columnsOf(g, id, t), sub, d, ImpactReport.of(g, id.toString()));
        })
        .onSuccess(l -> {
          if (current == generation) {
            graph = l.graph();
            columns.setAll(l.columns());
            showLaidOut(l.subgraph(), l.drawing());
            impact.set(l.impact());
          }
        })
        .onError(Exception.class, e -> {
          if (current == generation) {
            LOG.warn("Could not read the lineage of {}", id, e);
            fail("The lineage of " + id + " could not be read from the catalog.");
          }
        })
        .runOn(executor);
  }

  private record Loaded(LineageGraph graph, List<String> columns, LineageSubgraph subgraph, LineageDrawing drawing,
      ImpactReport impact) {}

  /** Field paths of the table and every column the lineage graph knows for it, sorted. */
  private static List<String> columnsOf(LineageGraph g, TableId id, Optional<Table> table) {
    TreeSet<String> names = new TreeSet<>();
    table.ifPresent(t -> t.flatFields().forEach(f -> names.add(f.path())));
    String prefix = id + ".";
    for (String node : g.nodes().keySet()) {
      if (node.startsWith(prefix) && g.nodes().get(node) == LineageGraph.NodeKind.COLUMN) {
        names.add(node.substring(prefix.length()));
      }
    }
    return List.copyOf(names);
  }

  /** Follows one column of the table ({@code null} or blank: back to tables). */
  public void selectColumn(String name) {
    String value = name == null || name.isBlank() ? null : name;
    if (java.util.Objects.equals(value, column.get())) {
      return;
    }
    column.set(value);
    rebuild();
  }

  /** Shows the hidden neighbours of a node on one side. */
  public void expand(String node, LineageSubgraph.Direction direction) {
    if (subgraph == null) {
      return;
    }
    subgraph.expand(node, direction);
    relayout(subgraph);
  }

  /** Goes to the table page of a table node, or of a column node's table. */
  public void open(String node) {
    boolean columnMode = subgraph != null && subgraph.columns();
    String tableId = columnMode ? LineageGraph.tableOf(node) : node;
    if (tableId == null) {
      return;
    }
    try {
      TableId target = TableId.parse(tableId);
      if (!target.equals(table.get())) {
        navigator.go(new Place.Table(target));
      }
    } catch (IllegalArgumentException notATable) {
      message.set(node + " is not a table of the catalog.");
    }
  }

  /** Shows the SQL of the statement behind a drawn edge (its first origin; see {@link #edgeOrigins()}). */
  public void selectLink(LineageSubgraph.Link link) {
    selectedLink = link;
    edgeOrigins.setAll(link.origins());
    if (!link.origins().isEmpty()) {
      showOrigin(link, link.origins().getFirst());
    }
  }

  /** Shows the SQL of one of the statements behind an edge. */
  public void showOrigin(LineageSubgraph.Link link, EdgeOrigin origin) {
    CatalogReader reader = catalog.get();
    String target = subgraph != null && subgraph.columns() ? LineageGraph.tableOf(link.to()) : link.to();
    if (reader == null || target == null) {
      return;
    }
    Tasks.create(() -> EdgeSql.find(reader.pipelinesFor(TableId.parse(target)), origin))
        .onSuccess(sql -> edgeSql.set(sql.orElse(new EdgeSql(origin.source(), origin.source()
            + (origin.line() > 0 ? ":" + origin.line() : ""), origin.statementKind(), List.of(), 0, 0))))
        .onError(Exception.class, e -> {
          LOG.warn("Could not read the pipelines of {}", target, e);
          message.set("The SQL of this edge could not be read.");
        })
        .runOn(executor);
  }

  /** Shows another of the statements behind the selected edge. */
  public void reshowOrigin(EdgeOrigin origin) {
    if (selectedLink != null) {
      showOrigin(selectedLink, origin);
    }
  }

  public void closeSql() {
    edgeSql.set(null);
    edgeOrigins.clear();
  }

  /** Writes the impact report as CSV; the message says where, or why not. */
  public void exportImpact(Path file) {
    ImpactReport report = impact.get();
    if (report == null) {
      return;
    }
    Tasks.create(() -> {
          ImpactCsv.write(report, file);
          return report.rows().size();
        })
        .onSuccess(n -> message.set("Exported " + n + (n == 1 ? " row to " : " rows to ") + file.getFileName()))
        .onError(Exception.class, e -> {
          LOG.warn("Could not export impact to {}", file, e);
          message.set("Could not write " + file.getFileName() + ": " + e.getMessage());
        })
        .runOn(executor);
  }

  /** A new subgraph for the current mode and hops (off the UI thread). */
  private void rebuild() {
    LineageGraph g = graph;
    TableId id = table.get();
    if (g == null || id == null) {
      return;
    }
    String focus = column.get() == null ? id.toString() : id + "." + column.get();
    boolean columnMode = column.get() != null;
    int h = hops.get();
    long current = ++generation;
    edgeSql.set(null);
    edgeOrigins.clear();
    layingOut.set(true);
    Tasks.create(() -> {
          LineageSubgraph sub = new LineageSubgraph(g, focus, columnMode, h);
          return new Loaded(g, List.of(), sub, LineageDrawing.of(sub.nodes(), sub.links(), focus, columnMode, layout),
              ImpactReport.of(g, focus));
        })
        .onSuccess(l -> {
          if (current == generation) {
            showLaidOut(l.subgraph(), l.drawing());
            impact.set(l.impact());
          }
        })
        .onError(Exception.class, e -> layoutFailed(current, e))
        .andFinally(() -> layingOut.set(false))
        .runOn(executor);
  }

  private void relayout(LineageSubgraph sub) {
    List<LineageSubgraph.ShownNode> nodes = sub.nodes();
    List<LineageSubgraph.Link> links = sub.links();
    long current = ++generation;
    if (layoutTask != null) {
      layoutTask.cancel();
    }
    layingOut.set(true);
    layoutTask = Tasks.create(() -> LineageDrawing.of(nodes, links, sub.focus(), sub.columns(), layout))
        .onSuccess(d -> {
          if (current == generation) {
            showLaidOut(sub, d);
          }
        })
        .onError(Exception.class, e -> layoutFailed(current, e))
        .andFinally(() -> layingOut.set(false))
        .runOn(executor);
  }

  private void layoutFailed(long current, Exception e) {
    if (current == generation) {
      LOG.warn("Lineage layout failed", e);
      fail("The lineage graph could not be laid out.");
    }
  }

  private void showLaidOut(LineageSubgraph sub, LineageDrawing d) {
    subgraph = sub;
    drawing.set(d);
    if (sub.isEmpty()) {
      state.set(State.NO_LINEAGE);
      message.set(sub.columns()
          ? "No pipeline in the catalog reads or writes " + sub.focus() + "."
          : "No pipeline in the catalog reads or writes this table. Index its pipelines with sql:, dbt:,"
              + " openlineage: or airflow: sources.");
    } else {
      state.set(State.READY);
      int hidden = d.nodes().stream().mapToInt(n -> n.hiddenUpstream() + n.hiddenDownstream()).sum();
      message.set(d.nodes().size() + (sub.columns() ? " columns" : " tables") + (hidden > 0
          ? " shown · click +N on a node to show more" : ""));
    }
  }

  private void fail(String why) {
    drawing.set(null);
    state.set(State.FAILED);
    message.set(why);
  }

  public ObjectProperty<CatalogReader> catalogProperty() { return catalog; }
  public ReadOnlyObjectProperty<State> stateProperty() { return state.getReadOnlyProperty(); }
  /** What the view is doing or why it shows nothing, in words for the user. */
  public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
  public ReadOnlyObjectProperty<TableId> tableProperty() { return table.getReadOnlyProperty(); }
  /** The followed column's path in column mode, null in table mode. */
  public ReadOnlyObjectProperty<String> columnProperty() { return column.getReadOnlyProperty(); }
  /** How many hops around the focus are shown at first (negative: all). */
  public IntegerProperty hopsProperty() { return hops; }
  /** The columns that can be followed. */
  public ObservableList<String> columns() { return columns; }
  public ReadOnlyObjectProperty<LineageDrawing> drawingProperty() { return drawing.getReadOnlyProperty(); }
  public ReadOnlyBooleanProperty layingOutProperty() { return layingOut.getReadOnlyProperty(); }
  /** The SQL of the selected edge; null when none is selected. */
  public ReadOnlyObjectProperty<EdgeSql> edgeSqlProperty() { return edgeSql.getReadOnlyProperty(); }
  /** Every statement behind the selected edge. */
  public ObservableList<EdgeOrigin> edgeOrigins() { return edgeOrigins; }
  /** What changes downstream if the table (or the followed column) changes. */
  public ReadOnlyObjectProperty<ImpactReport> impactProperty() { return impact.getReadOnlyProperty(); }
}
