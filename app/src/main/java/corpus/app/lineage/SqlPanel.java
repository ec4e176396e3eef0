package corpus.app.lineage;

import corpus.app.theme.Styles;
import corpus.lineage.graph.EdgeOrigin;
import java.util.stream.IntStream;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The side panel with the SQL of the selected edge: pipeline title, where it was read, the statements behind
 * the edge to choose from, and the SQL with line numbers and the statement's lines highlighted.
 */
final class SqlPanel extends VBox {

  static final String HIGHLIGHT = "sql-line-highlighted";

  private final Label title = new Label();
  private final Label origin = new Label();
  private final ComboBox<EdgeOrigin> origins = new ComboBox<>();
  private final ListView<Integer> lines = new ListView<>();
  private final Label empty = new Label("Click an edge of the graph to see the SQL that makes it.");
  private EdgeSql sql;

  SqlPanel(LineageViewModel viewModel) {
    super(6);
    getStyleClass().add("lineage-sql");
    title.getStyleClass().add(Styles.SECTION_TITLE);
    title.setId("edgeSqlTitle");
    title.setWrapText(true);
    origin.getStyleClass().addAll(Styles.MUTED, Styles.MONO);
    origin.setWrapText(true);
    empty.getStyleClass().add(Styles.MUTED);
    empty.setWrapText(true);
    lines.setId("edgeSqlLines");
    lines.getStyleClass().add("sql-lines");
    lines.setCellFactory(list -> new LineCell());
    VBox.setVgrow(lines, Priority.ALWAYS);
    origins.setMaxWidth(Double.MAX_VALUE);
    origins.setConverter(new javafx.util.StringConverter<>() {
      @Override
      public String toString(EdgeOrigin o) {
        return o == null ? "" : o.source() + (o.line() > 0 ? ":" + o.line() : "") + " (" + o.statementKind() + ")";
      }

      @Override
      public EdgeOrigin fromString(String s) {
        return null;
      }
    });
    ObservableList<EdgeOrigin> all = viewModel.edgeOrigins();
    all.addListener((ListChangeListener<EdgeOrigin>) c -> {
      origins.getItems().setAll(all);
      origins.setVisible(all.size() > 1);
      origins.setManaged(all.size() > 1);
      if (!all.isEmpty()) {
        origins.getSelectionModel().selectFirst();
      }
    });
    origins.setVisible(false);
    origins.setManaged(false);
    origins.setOnAction(e -> {
      EdgeOrigin chosen = origins.getValue();
      if (chosen != null && sql != null && !sql.origin().startsWith(chosen.source() + ":" + chosen.line())) {
        viewModel.reshowOrigin(chosen);
      }
    });
    viewModel.edgeSqlProperty().addListener((obs, old, now) -> show(now));
    show(null);
  }

  private void show(EdgeSql edge) {
    sql = edge;
    if (edge == null) {
      getChildren().setAll(empty);
      return;
    }
    title.setText(edge.title());
    origin.setText(edge.origin() + "  ·  " + edge.kind());
    getChildren().setAll(title, origin, origins, lines);
    if (edge.lines().isEmpty()) {
      Label none = new Label("This pipeline has no SQL text in the catalog (lineage came from an event or a manifest).");
      none.setWrapText(true);
      none.getStyleClass().add(Styles.MUTED);
      getChildren().setAll(title, origin, origins, none);
      return;
    }
    lines.getItems().setAll(IntStream.rangeClosed(1, edge.lines().size()).boxed().toList());
    if (edge.firstHighlighted() > 0) {
      lines.scrollTo(Math.max(0, edge.firstHighlighted() - 3));
    }
  }

  /** One line of SQL with its number; highlighted when it belongs to the edge's statement. */
  private final class LineCell extends ListCell<Integer> {
    private final Label number = new Label();
    private final Label text = new Label();
    private final HBox row = new HBox(10, number, text);

    LineCell() {
      number.getStyleClass().add("sql-line-number");
      number.setMinWidth(34);
      number.setAlignment(Pos.CENTER_RIGHT);
      text.getStyleClass().add(Styles.MONO);
    }

    @Override
    protected void updateItem(Integer line, boolean isEmpty) {
      super.updateItem(line, isEmpty);
      getStyleClass().remove(HIGHLIGHT);
      if (isEmpty || line == null || sql == null || line > sql.lines().size()) {
        setGraphic(null);
        return;
      }
      number.setText(String.valueOf(line));
      text.setText(sql.lines().get(line - 1).replace("\t", "  "));
      if (sql.highlighted(line)) {
        getStyleClass().add(HIGHLIGHT);
      }
      setGraphic(row);
    }
  }
}
