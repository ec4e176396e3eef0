package corpus.app.table;

import corpus.app.theme.Styles;
import corpus.indexer.model.Field;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeTableCell;

/**
 * Shows a table schema in a {@link TreeTableView}: name, type, mode and description per field,
 * nested RECORD fields as children, expanded to {@link #EXPANDED_DEPTH} levels.
 */
final class SchemaTree {

  /** Levels shown open when a schema is loaded: top-level records and the records inside them. */
  static final int EXPANDED_DEPTH = 2;

  private final TreeTableView<Field> tree;

  SchemaTree(TreeTableView<Field> tree) {
    this.tree = tree;
    tree.setShowRoot(false);
    tree.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    tree.setPlaceholder(new javafx.scene.control.Label("This table has no columns in the catalog."));
    tree.getColumns().setAll(List.of(
        column("Name", Field::name, 260, true),
        column("Type", Field::type, 110, true),
        column("Mode", Field::mode, 100, false),
        column("Description", f -> f.description() == null ? "" : f.description(), 420, false)));
  }

  /** Replaces the shown schema. */
  void show(List<Field> schema) {
    TreeItem<Field> root = new TreeItem<>();
    schema.forEach(field -> root.getChildren().add(item(field, 0)));
    tree.setRoot(root);
  }

  void expandAll(boolean expanded) {
    if (tree.getRoot() != null) {
      tree.getRoot().getChildren().forEach(item -> setExpanded(item, expanded));
    }
  }

  private static void setExpanded(TreeItem<Field> item, boolean expanded) {
    item.setExpanded(expanded);
    item.getChildren().forEach(child -> setExpanded(child, expanded));
  }

  private static TreeItem<Field> item(Field field, int depth) {
    TreeItem<Field> item = new TreeItem<>(field);
    field.fields().forEach(child -> item.getChildren().add(item(child, depth + 1)));
    item.setExpanded(depth < EXPANDED_DEPTH);
    return item;
  }

  private static TreeTableColumn<Field, String> column(
      String title, Function<Field, String> value, double width, boolean mono) {
    TreeTableColumn<Field, String> column = new TreeTableColumn<>(title);
    column.setPrefWidth(width);
    column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(
        cell.getValue().getValue() == null ? "" : value.apply(cell.getValue().getValue())));
    column.setCellFactory(c -> new TreeTableCell<>() {
      @Override
      protected void updateItem(String text, boolean empty) {
        super.updateItem(text, empty);
        setText(empty ? null : text);
        setTooltip(empty || text == null || text.length() < 40 ? null : new Tooltip(text));
        getStyleClass().remove(Styles.MONO);
        if (mono && !empty) {
          getStyleClass().add(Styles.MONO);
        }
      }
    });
    return column;
  }
}
