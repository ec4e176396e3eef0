package corpus.app.workbench;

import corpus.app.theme.Styles;
import corpus.indexer.warehouse.Bytes;
import corpus.indexer.warehouse.Hint;
import corpus.indexer.warehouse.Problem;
import corpus.indexer.warehouse.TableCost;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The side panel of a workbench tab: the summary ("This query will process 1.3 GB ≈ $0.008"), the problems at
 * their line and column, what each table contributes, and the coaching hints with their saving and Apply.
 */
final class EstimatePanel extends ScrollPane {

  private final QueryTabViewModel viewModel;
  private final VBox problems = new VBox(4);
  private final VBox tables = new VBox(6);
  private final VBox hints = new VBox(8);

  EstimatePanel(QueryTabViewModel viewModel) {
    this.viewModel = viewModel;
    getStyleClass().add("estimate-panel");
    setFitToWidth(true);
    Label summary = new Label();
    summary.setId("estimateSummary");
    summary.getStyleClass().add("estimate-summary");
    summary.setWrapText(true);
    summary.textProperty().bind(viewModel.summaryProperty());
    ProgressIndicator busy = new ProgressIndicator();
    busy.setPrefSize(16, 16);
    busy.visibleProperty().bind(viewModel.estimatingProperty());
    HBox head = new HBox(8, summary, busy);
    HBox.setHgrow(summary, Priority.ALWAYS);
    problems.setId("estimateProblems");
    tables.setId("estimateTables");
    hints.setId("estimateHints");
    Label tablesTitle = section("Where the bytes come from");
    Label hintsTitle = section("How to make it cheaper");
    tablesTitle.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(viewModel.tables()));
    tablesTitle.managedProperty().bind(tablesTitle.visibleProperty());
    hintsTitle.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(viewModel.hints()));
    hintsTitle.managedProperty().bind(hintsTitle.visibleProperty());
    VBox content = new VBox(10, head, problems, tablesTitle, tables, hintsTitle, hints);
    content.getStyleClass().add("estimate-content");
    setContent(content);
    viewModel.problems().addListener((ListChangeListener<Problem>) c -> showProblems());
    viewModel.tables().addListener((ListChangeListener<TableCost>) c -> showTables());
    viewModel.hints().addListener((ListChangeListener<Hint>) c -> showHints());
    showProblems();
    showTables();
    showHints();
  }

  private static Label section(String text) {
    Label l = new Label(text);
    l.getStyleClass().add(Styles.SECTION_TITLE);
    return l;
  }

  private void showProblems() {
    problems.getChildren().clear();
    for (Problem p : viewModel.problems()) {
      Label l = new Label((p.line() > 0 ? p.line() + ":" + p.column() + "  " : "") + p.message());
      l.getStyleClass().addAll("estimate-problem", p.blocking() ? "blocking" : "warning");
      l.setWrapText(true);
      problems.getChildren().add(l);
    }
  }

  private void showTables() {
    tables.getChildren().clear();
    for (TableCost t : viewModel.tables()) {
      Label name = new Label(t.table());
      name.getStyleClass().addAll(Styles.MONO, "estimate-table-name");
      Label figures = new Label(t.columns().size() + (t.columns().size() == 1 ? " column" : " columns") + " · "
          + (t.partitionsTotal() > 1 ? t.partitionsScanned() + " of " + t.partitionsTotal() + " partitions · "
              : "not partitioned · ")
          + Bytes.format(t.bytes()) + (t.exact() ? "" : " (estimated)"));
      figures.getStyleClass().add("estimate-table-figures");
      Label columns = new Label(String.join(", ", t.columns()));
      columns.getStyleClass().add(Styles.MUTED);
      columns.setWrapText(true);
      VBox box = new VBox(2, name, figures, columns);
      box.getStyleClass().add("estimate-table");
      tables.getChildren().add(box);
    }
  }

  private void showHints() {
    hints.getChildren().clear();
    for (Hint h : viewModel.hints()) {
      Label message = new Label(h.message());
      message.setWrapText(true);
      message.getStyleClass().add("hint-message");
      Label saving = new Label(h.savedBytes() > 0 ? "Saves " + Bytes.format(h.savedBytes()) + " ≈ "
          + Bytes.usd(h.savedUsd()) : "");
      saving.getStyleClass().add("hint-saving");
      Region gap = new Region();
      HBox.setHgrow(gap, Priority.ALWAYS);
      HBox foot = new HBox(8, saving, gap);
      if (h.applicable()) {
        Button apply = new Button("Apply");
        apply.getStyleClass().add("apply-hint");
        apply.setOnAction(e -> viewModel.apply(h));
        foot.getChildren().add(apply);
      }
      VBox card = new VBox(6, message, foot);
      card.getStyleClass().addAll("hint-card", "hint-" + h.kind().name().toLowerCase(java.util.Locale.ROOT)
          .replace('_', '-'));
      hints.getChildren().add(card);
    }
  }
}
