package corpus.app.workbench;

import corpus.indexer.warehouse.QueryResult;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

/**
 * The result grid: a virtualized {@link TableView} over the returned rows (only visible rows get cells, so
 * 100,000 rows scroll smoothly), one column per result column with its type in the header, numbers
 * right-aligned, nested records and arrays readable as text, NULL muted.
 */
final class ResultGrid extends TableView<List<Object>> {

  ResultGrid() {
    setId("resultGrid");
    getStyleClass().add("result-grid");
    setPlaceholder(new Label("Run the query (Ctrl+Enter) to see its rows here."));
    setColumnResizePolicy(UNCONSTRAINED_RESIZE_POLICY);
  }

  void show(QueryResult result) {
    getColumns().clear();
    if (result == null) {
      getItems().clear();
      return;
    }
    for (int i = 0; i < result.columns().size(); i++) {
      QueryResult.Column c = result.columns().get(i);
      int index = i;
      TableColumn<List<Object>, Object> column = new TableColumn<>(c.name());
      column.setId("column-" + c.name());
      column.setPrefWidth(Math.min(320, Math.max(90, c.name().length() * 9 + 30)));
      column.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().get(index)));
      column.setCellFactory(col -> new ValueCell());
      getColumns().add(column);
    }
    setItems(FXCollections.observableList(result.rows()));
  }

  private static final class ValueCell extends TableCell<List<Object>, Object> {
    @Override
    protected void updateItem(Object value, boolean empty) {
      super.updateItem(value, empty);
      getStyleClass().remove("null-value");
      if (empty) {
        setText(null);
        setTooltip(null);
        return;
      }
      String text = ValueText.of(value);
      setText(text);
      setAlignment(ValueText.numeric(value) ? Pos.CENTER_RIGHT : Pos.CENTER_LEFT);
      if (value == null) {
        getStyleClass().add("null-value");
      }
      setTooltip(text.length() > 40 ? new Tooltip(text) : null);
    }
  }
}
