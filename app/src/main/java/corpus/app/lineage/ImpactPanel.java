package corpus.app.lineage;

import corpus.app.theme.Styles;
import java.io.File;
import java.nio.file.Path;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.FileChooser;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The impact panel: "if this table (or column) changes", every downstream column and table with its distance
 * and the pipelines that carry the change, and an Export CSV button.
 */
final class ImpactPanel extends VBox {

  private final Label heading = new Label();
  private final Label summary = new Label();
  private final TableView<ImpactReport.Row> rows = new TableView<>();
  private final Button export = new Button("Export CSV…");

  ImpactPanel(LineageViewModel viewModel) {
    super(6);
    getStyleClass().add("lineage-impact");
    heading.getStyleClass().add(Styles.SECTION_TITLE);
    heading.setWrapText(true);
    summary.getStyleClass().add(Styles.MUTED);
    summary.setWrapText(true);
    export.setId("exportImpact");
    rows.setId("impactRows");
    rows.getStyleClass().add("dense");
    rows.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    rows.setPlaceholder(new Label("Nothing downstream."));
    rows.getColumns().add(column("Hops", 52, r -> r.hops()));
    rows.getColumns().add(column("Kind", 66, ImpactReport.Row::kind));
    rows.getColumns().add(column("Column or table", 260, r -> r.id()));
    rows.getColumns().add(column("Written by", 220, ImpactReport.Row::via));
    VBox.setVgrow(rows, Priority.ALWAYS);
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox bar = new HBox(8, summary, spacer, export);
    export.setOnAction(e -> {
      FileChooser chooser = new FileChooser();
      chooser.setTitle("Export impact as CSV");
      ImpactReport report = viewModel.impactProperty().get();
      chooser.setInitialFileName("impact-" + (report == null ? "lineage" : report.node().replaceAll("[^A-Za-z0-9_.-]", "_"))
          + ".csv");
      chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV files", "*.csv"));
      File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
      if (file != null) {
        viewModel.exportImpact(Path.of(file.getPath()));
      }
    });
    getChildren().setAll(heading, bar, rows);
    viewModel.impactProperty().addListener((obs, old, report) -> show(report));
    show(null);
  }

  private void show(ImpactReport report) {
    if (report == null) {
      heading.setText("IMPACT");
      summary.setText("");
      rows.getItems().clear();
      export.setDisable(true);
      return;
    }
    heading.setText("IF " + report.node() + " CHANGES");
    summary.setText(report.columns() + (report.columns() == 1 ? " column, " : " columns, ") + report.tables()
        + (report.tables() == 1 ? " table" : " tables") + " downstream");
    rows.getItems().setAll(report.rows());
    export.setDisable(report.rows().isEmpty());
  }

  private static <T> TableColumn<ImpactReport.Row, T> column(String name, double width,
      java.util.function.Function<ImpactReport.Row, T> value) {
    TableColumn<ImpactReport.Row, T> c = new TableColumn<>(name);
    c.setPrefWidth(width);
    c.setMinWidth(Math.min(width, 66));
    c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
    return c;
  }
}
