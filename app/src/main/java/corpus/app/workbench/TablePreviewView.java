package corpus.app.workbench;

import corpus.app.theme.Styles;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The table page's Preview tab: "Show rows" (free), "Query this table" (opens the workbench), and the rows in
 * the result grid. Binds and forwards to {@link TablePreviewViewModel}.
 */
public final class TablePreviewView {

  private final VBox root;

  /**
   * @param onPreview reads the rows of the table shown
   * @param onQuery opens the workbench on the table shown
   */
  public TablePreviewView(TablePreviewViewModel viewModel, Runnable onPreview, Runnable onQuery) {
    Button preview = new Button("Show rows");
    preview.setId("previewRows");
    preview.setTooltip(new Tooltip("The first " + TablePreviewViewModel.ROWS + " rows, free: no query runs"));
    preview.setOnAction(e -> onPreview.run());
    Button query = new Button("Query this table");
    query.setId("queryThisTable");
    query.getStyleClass().add("accent");
    query.setTooltip(new Tooltip("Open the workbench with a query on this table's columns and last 7 days"));
    query.setOnAction(e -> onQuery.run());
    Label status = new Label();
    status.setId("previewStatus");
    status.getStyleClass().add(Styles.MUTED);
    status.textProperty().bind(viewModel.statusProperty());
    ResultGrid grid = new ResultGrid();
    grid.setId("previewGrid");
    grid.setPlaceholder(new Label("Show rows reads the first rows for free; a query with LIMIT would bill "
        + "every column it reads."));
    viewModel.resultProperty().addListener((obs, old, r) -> grid.show(r));
    HBox bar = new HBox(8, query, preview, status);
    bar.getStyleClass().add("query-toolbar");
    VBox.setVgrow(grid, Priority.ALWAYS);
    root = new VBox(6, bar, grid);
    root.getStyleClass().add("table-preview");
    root.getStylesheets().add(java.util.Objects.requireNonNull(TablePreviewView.class.getResource(
        "workbench.css")).toExternalForm());
  }

  public Parent root() {
    return root;
  }
}
