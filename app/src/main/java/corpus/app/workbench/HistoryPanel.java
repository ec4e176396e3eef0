package corpus.app.workbench;

import corpus.app.theme.Styles;
import corpus.indexer.warehouse.Bytes;
import corpus.indexer.warehouse.QueryHistory;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The workbench's History tab: spend per day as a bar chart and every run (time, status, bytes estimated vs
 * billed, duration, rows, the SQL); double-click a run to open its SQL in a new tab.
 */
final class HistoryPanel extends VBox {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
      .withZone(ZoneId.systemDefault());

  HistoryPanel(WorkbenchViewModel viewModel) {
    super(8);
    getStyleClass().add("workbench-history");
    CategoryAxis days = new CategoryAxis();
    NumberAxis dollars = new NumberAxis();
    dollars.setLabel("USD billed");
    BarChart<String, Number> chart = new BarChart<>(days, dollars);
    chart.setId("spendChart");
    chart.setLegendVisible(false);
    chart.setAnimated(false);
    chart.setTitle("Spend per day (last " + WorkbenchViewModel.SPEND_DAYS + " days)");
    chart.setPrefHeight(200);
    chart.setMinHeight(160);
    viewModel.spendProperty().addListener((obs, old, spend) -> showSpend(chart, spend));

    TableView<QueryHistory.Entry> runs = new TableView<>(viewModel.history());
    runs.setId("queryHistory");
    runs.setPlaceholder(new Label("Queries you run appear here."));
    runs.getColumns().add(column("Time", 175, e -> TIME.format(e.startedAt())));
    runs.getColumns().add(column("Status", 90, e -> e.status().name().toLowerCase(java.util.Locale.ROOT)));
    runs.getColumns().add(column("Estimated", 90, e -> e.bytesEstimated() == null ? "" : Bytes.format(
        e.bytesEstimated())));
    runs.getColumns().add(column("Billed", 90, e -> e.bytesBilled() == null ? "" : Bytes.format(e.bytesBilled())));
    runs.getColumns().add(column("Cost", 100, e -> Bytes.usd(e.costUsd())));
    runs.getColumns().add(column("Duration", 80, e -> String.format(java.util.Locale.ROOT, "%.1f s",
        e.durationMs() / 1000.0)));
    runs.getColumns().add(column("Rows", 70, e -> String.format(java.util.Locale.ROOT, "%,d", e.rows())));
    runs.getColumns().add(column("SQL", 480, e -> e.sql().replaceAll("\\s+", " ").strip()));
    runs.setRowFactory(table -> {
      TableRow<QueryHistory.Entry> row = new TableRow<>();
      row.setOnMouseClicked(ev -> {
        if (ev.getClickCount() == 2 && !row.isEmpty()) {
          viewModel.reopen(row.getItem());
        }
      });
      return row;
    });
    Label hint = new Label("Double-click a run to open its SQL in a new tab.");
    hint.getStyleClass().add(Styles.MUTED);
    VBox.setVgrow(runs, Priority.ALWAYS);
    getChildren().addAll(chart, hint, runs);
  }

  private static TableColumn<QueryHistory.Entry, String> column(String title, double width,
      Function<QueryHistory.Entry, String> text) {
    TableColumn<QueryHistory.Entry, String> c = new TableColumn<>(title);
    c.setPrefWidth(width);
    c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
    return c;
  }

  private static void showSpend(BarChart<String, Number> chart, Map<LocalDate, Double> spend) {
    XYChart.Series<String, Number> series = new XYChart.Series<>();
    spend.forEach((day, usd) -> series.getData().add(new XYChart.Data<>(day.toString().substring(5), usd)));
    chart.getData().setAll(java.util.List.of(series));
  }
}
