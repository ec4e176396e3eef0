package corpus.app.table;

import corpus.app.theme.Styles;
import corpus.indexer.model.Field;
import corpus.gdpr.taxonomy.Taxonomy;
import corpus.indexer.gdpr.FieldStatus;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeTableCell;

/**
 * Shows a table schema in a {@link TreeTableView}: name, type, mode, GDPR classification and
 * description per field, nested RECORD fields as children, expanded to {@link #EXPANDED_DEPTH}
 * levels. The GDPR column reads {@code email · confirmed · 0.85}: decided classifications bold
 * with a check mark, suggestions italic and muted; its tooltip carries the evidence.
 */
final class SchemaTree {

  /** Levels shown open when a schema is loaded: top-level records and the records inside them. */
  static final int EXPANDED_DEPTH = 2;

  private final TreeTableView<Field> tree;
  private Map<String, FieldStatus> statuses = Map.of();

  SchemaTree(TreeTableView<Field> tree) {
    this.tree = tree;
    tree.setShowRoot(false);
    tree.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    tree.setPlaceholder(new javafx.scene.control.Label("This table has no columns in the catalog."));
    tree.getColumns().setAll(List.of(
        column("Name", Field::name, 190, true),
        column("Type", Field::type, 95, true),
        column("Mode", Field::mode, 90, false),
        gdprColumn(),
        column("Description", f -> f.description() == null ? "" : f.description(), 420, false)));
    // the type, mode and classification are short: keep them whole and give the rest to names and descriptions
    tree.getColumns().get(0).setMinWidth(150);
    tree.getColumns().get(1).setMinWidth(85);
    tree.getColumns().get(2).setMinWidth(82);
    tree.getColumns().get(3).setMinWidth(160);
  }

  /** Replaces the shown schema. */
  void show(List<Field> schema) {
    TreeItem<Field> root = new TreeItem<>();
    schema.forEach(field -> root.getChildren().add(item(field, 0)));
    tree.setRoot(root);
  }

  /** Replaces the GDPR classifications shown, by dotted field path. */
  void showStatuses(Map<String, FieldStatus> byPath) {
    statuses = Map.copyOf(byPath);
    tree.refresh();
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

  private TreeTableColumn<Field, FieldStatus> gdprColumn() {
    TreeTableColumn<Field, FieldStatus> column = new TreeTableColumn<>("GDPR");
    column.setId("gdprColumn");
    column.setPrefWidth(200);
    column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(statuses.get(path(cell.getValue()))));
    column.setCellFactory(c -> new TreeTableCell<>() {
      @Override
      protected void updateItem(FieldStatus status, boolean empty) {
        super.updateItem(status, empty);
        getStyleClass().removeAll(Styles.GDPR_DECIDED, Styles.GDPR_SUGGESTED, Styles.GDPR_PERSONAL);
        if (empty || status == null) {
          setText(null);
          setTooltip(null);
          return;
        }
        // a suggestion of "not personal" is the common case: a dash keeps personal fields standing out
        boolean quiet = !status.decided() && Taxonomy.NOT_PERSONAL.equals(status.category());
        setText(quiet ? "—" : (status.decided() ? "✔ " : "") + status.text());
        getStyleClass().add(status.decided() ? Styles.GDPR_DECIDED : Styles.GDPR_SUGGESTED);
        if (!Taxonomy.NOT_PERSONAL.equals(status.category())) {
          getStyleClass().add(Styles.GDPR_PERSONAL);
        }
        setTooltip(new Tooltip(tooltip(status)));
      }
    });
    return column;
  }

  /** The evidence, and who decided when. */
  static String tooltip(FieldStatus status) {
    StringBuilder text = new StringBuilder(status.text() + "\n").append(status.decided()
        ? status.status() + " by " + status.decidedBy() + " at " + status.decidedAt()
        : status.stored() ? "suggested by the last scan" : "suggested from the field's name, type and description");
    text.append("\nEvidence of the suggestion:");
    for (String e : status.evidence()) {
      text.append("\n• ").append(e);
    }
    if (status.evidence().isEmpty()) {
      text.append("\n• none: nothing suggests personal data");
    }
    return text.toString();
  }

  /** The dotted path of a tree item's field ({@code address.street}). */
  private static String path(TreeItem<Field> item) {
    StringBuilder path = new StringBuilder();
    for (TreeItem<Field> i = item; i != null && i.getValue() != null; i = i.getParent()) {
      path.insert(0, path.isEmpty() ? i.getValue().name() : i.getValue().name() + ".");
    }
    return path.toString();
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
