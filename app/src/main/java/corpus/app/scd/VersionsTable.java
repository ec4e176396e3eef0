package corpus.app.scd;

import corpus.indexer.scd.EntityHistory;
import corpus.indexer.scd.EntityVersion;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

/**
 * The versions of an entity as table rows, oldest first per lane, with each cell that changed from
 * the previous version highlighted ({@value #CHANGED}) and deleted versions struck through.
 */
final class VersionsTable {

  static final String CHANGED = "changed-cell";
  static final String DELETED_ROW = "deleted-row";
  static final String CURRENT_ROW = "current-row";

  /** One version with its lane and number. */
  record Row(String lane, int number, EntityVersion version) {}

  private final TableView<Row> table;

  VersionsTable(TableView<Row> table) {
    this.table = table;
    table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
    table.setRowFactory(t -> new TableRow<>() {
      @Override
      protected void updateItem(Row row, boolean empty) {
        super.updateItem(row, empty);
        getStyleClass().removeAll(DELETED_ROW, CURRENT_ROW);
        if (!empty && row != null) {
          if (row.version().deleted()) {
            getStyleClass().add(DELETED_ROW);
          } else if (row.version().current()) {
            getStyleClass().add(CURRENT_ROW);
          }
        }
      }
    });
  }

  void show(EntityHistory history) {
    table.getColumns().clear();
    table.getItems().clear();
    if (history == null) {
      return;
    }
    List<Row> rows = new ArrayList<>();
    for (EntityHistory.Lane lane : history.lanes()) {
      int n = 0;
      for (EntityVersion v : lane.versions()) {
        rows.add(new Row(lane.label(), ++n, v));
      }
    }
    if (history.lanes().size() > 1) {
      table.getColumns().add(text("Key", r -> r.lane()));
    }
    table.getColumns().add(text("#", r -> "v" + r.number()));
    table.getColumns().add(text("Valid from", r -> r.version().validFrom()));
    table.getColumns().add(text("Valid to", r -> r.version().open() ? "open" : r.version().validTo()));
    table.getColumns().add(text("", r -> flags(r.version())));
    String from = history.table().columns().validFrom();
    String to = history.table().columns().validTo();
    List<String> keys = history.table().key().columns();
    for (int i = 0; i < history.columns().size(); i++) {
      String name = history.columns().get(i);
      if (name.equalsIgnoreCase(from) || name.equalsIgnoreCase(to) || (keys.contains(name) && history.lanes().size() > 1)) {
        continue;
      }
      table.getColumns().add(value(name, i));
    }
    table.getItems().setAll(rows);
  }

  private static String flags(EntityVersion v) {
    List<String> f = new ArrayList<>();
    if (v.current()) {
      f.add("current");
    }
    if (v.deleted()) {
      f.add("deleted");
    }
    if (v.gapBefore()) {
      f.add("gap before");
    }
    if (v.overlapsPrevious()) {
      f.add("overlaps");
    }
    return String.join(", ", f);
  }

  private static TableColumn<Row, String> text(String title, java.util.function.Function<Row, String> value) {
    TableColumn<Row, String> c = new TableColumn<>(title);
    c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
    c.setSortable(false);
    return c;
  }

  private static TableColumn<Row, String> value(String name, int index) {
    TableColumn<Row, String> c = new TableColumn<>(name);
    c.setSortable(false);
    c.setPrefWidth(Math.max(150, Math.min(260, name.length() * 9 + 40)));
    c.setCellValueFactory(d -> {
      String v = d.getValue().version().values().get(index);
      return new ReadOnlyStringWrapper(v == null ? "NULL" : v);
    });
    c.setCellFactory(col -> new TableCell<>() {
      @Override
      protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        getStyleClass().remove(CHANGED);
        setText(empty ? null : item);
        Row row = empty || getTableRow() == null ? null : getTableRow().getItem();
        if (row != null && row.version().changed().contains(name)) {
          getStyleClass().add(CHANGED);
        }
      }
    });
    return c;
  }
}
