package corpus.app.table;

import corpus.app.Fxml;
import corpus.app.doc.DocPanel;
import corpus.app.lineage.LineageView;
import corpus.app.theme.Styles;
import corpus.indexer.catalog.DocRef;
import corpus.indexer.model.Field;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The table page: header, facts, design documents and the schema tree of one table, bound to a
 * {@link TablePageViewModel}. A document opens in a {@link DocPanel} on the right.
 */
public final class TablePageView {

  private static final double FACT_WIDTH = 260;

  @FXML private Button backButton;
  @FXML private Label breadcrumb;
  @FXML private Label titleLabel;
  @FXML private Label kindLabel;
  @FXML private HBox badgeBox;
  @FXML private Label friendlyNameLabel;
  @FXML private Label descriptionLabel;
  @FXML private FlowPane chips;
  @FXML private SplitPane split;
  @FXML private Label errorLabel;
  @FXML private HBox overview;
  @FXML private FlowPane factsPane;
  @FXML private VBox docLinks;
  @FXML private Label fieldCount;
  @FXML private Button expandAll;
  @FXML private Button collapseAll;
  @FXML private TreeTableView<Field> schemaTree;
  @FXML private HBox scdBox;
  @FXML private Label scdLabel;
  @FXML private Button entityHistoryButton;
  @FXML private Button healthButton;

  private final Tab historyTab = new Tab("History");
  private final TablePageViewModel viewModel;
  private final DocPanel docPanel = new DocPanel();
  private final TabPane tabs = new TabPane();
  private final Parent root;
  private SchemaTree schema;

  public TablePageView(TablePageViewModel viewModel) {
    this.viewModel = viewModel;
    this.root = Fxml.load(this);
    root.getStylesheets().add(corpus.app.scd.ScdPageView.class.getResource("scd.css").toExternalForm());
  }

  @FXML
  private void initialize() {
    backButton.setId("backButton");
    backButton.setOnAction(e -> viewModel.back());
    titleLabel.setId("tableTitle");
    titleLabel.textProperty().bind(viewModel.titleProperty());
    kindLabel.textProperty().bind(viewModel.kindProperty());
    showWhenNotBlank(kindLabel);
    friendlyNameLabel.textProperty().bind(viewModel.friendlyNameProperty());
    showWhenNotBlank(friendlyNameLabel);
    descriptionLabel.setId("tableDescription");
    descriptionLabel.textProperty().bind(viewModel.descriptionProperty());
    showWhenNotBlank(descriptionLabel);
    errorLabel.textProperty().bind(viewModel.errorProperty());
    showWhenNotBlank(errorLabel);
    viewModel.tableIdProperty().addListener((obs, old, id) ->
        breadcrumb.setText(id == null ? "" : id.project() + "  ›  " + id.dataset()));

    scdLabel.setId("scdLine");
    scdLabel.textProperty().bind(viewModel.scdProperty());
    scdBox.visibleProperty().bind(viewModel.scdProperty().isNotEmpty());
    scdBox.managedProperty().bind(scdBox.visibleProperty());
    entityHistoryButton.setId("entityHistoryButton");
    entityHistoryButton.setOnAction(e -> viewModel.openScd(corpus.app.scd.ScdPageViewModel.Section.HISTORY));
    healthButton.setId("healthCheckButton");
    healthButton.setOnAction(e -> viewModel.openScd(corpus.app.scd.ScdPageViewModel.Section.HEALTH));
    schemaTree.setId("schemaTree");
    schema = new SchemaTree(schemaTree);
    expandAll.setOnAction(e -> schema.expandAll(true));
    collapseAll.setOnAction(e -> schema.expandAll(false));

    onChange(viewModel.badges(), this::showChips);
    onChange(viewModel.labels(), this::showChips);
    viewModel.ownerProperty().addListener((obs, old, now) -> showChips());
    onChange(viewModel.facts(), this::showFacts);
    onChange(viewModel.schema(), this::showSchema);
    viewModel.gdprProperty().addListener((obs, old, now) -> schema.showStatuses(now));
    onChange(viewModel.docs(), this::showDocs);
    viewModel.stateProperty().addListener((obs, old, now) ->
        overview.setVisible(now == TablePageViewModel.State.READY));
    overview.managedProperty().bind(overview.visibleProperty());

    addLineageTab();
    historyTab.setId("historyTab");
    tabs.getTabs().add(historyTab);

    docPanel.setOnClose(viewModel::closeDoc);
    docPanel.setOnOpenTable(viewModel::openTable);
    viewModel.openDocProperty().addListener((obs, old, doc) -> {
      if (doc == null) {
        split.getItems().remove(docPanel);
      } else {
        docPanel.show(doc);
        if (!split.getItems().contains(docPanel)) {
          split.getItems().add(docPanel);
          split.setDividerPositions(0.55);
        }
      }
    });
  }

  /** Puts the page body under an Overview tab beside a Lineage tab that reads lineage only when shown. */
  private void addLineageTab() {
    Node body = split.getItems().getFirst();
    Tab overviewTab = new Tab("Overview", body);
    overviewTab.setId("overviewTab");
    Tab lineageTab = new Tab("Lineage", new LineageView(viewModel.lineage()).root());
    lineageTab.setId("lineageTab");
    tabs.getTabs().setAll(overviewTab, lineageTab);
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, now) ->
        viewModel.lineage().setActive(now == lineageTab));
    split.getItems().set(0, tabs);
  }

  private void showChips() {
    chips.getChildren().clear();
    if (!viewModel.ownerProperty().get().isBlank()) {
      chips.getChildren().add(chip("owner: " + viewModel.ownerProperty().get(), Styles.OWNER_CHIP));
    }
    viewModel.badges().forEach(b -> chips.getChildren().add(chip(b, Styles.badge(b))));
    viewModel.labels().forEach(l -> chips.getChildren().add(chip(l, null)));
  }

  private static Label chip(String text, String extraStyle) {
    Label chip = new Label(text);
    chip.getStyleClass().add(Styles.CHIP);
    if (extraStyle != null) {
      chip.getStyleClass().add(extraStyle);
    }
    return chip;
  }

  private void showFacts() {
    factsPane.getChildren().setAll(viewModel.facts().stream().map(TablePageView::factTile).toList());
  }

  private static Node factTile(Fact fact) {
    Label label = new Label(fact.label());
    label.getStyleClass().add(Styles.FACT_LABEL);
    Label value = new Label(fact.value());
    value.getStyleClass().add(Styles.FACT_VALUE);
    value.setWrapText(true);
    value.setMaxWidth(FACT_WIDTH);
    VBox tile = new VBox(2, label, value);
    tile.setMinWidth(Region.USE_PREF_SIZE);
    return tile;
  }

  private void showSchema() {
    schema.show(List.copyOf(viewModel.schema()));
    long total = Field.flatten(viewModel.schema()).size();
    fieldCount.setText(total == 0 ? "" : total + " fields");
  }

  private void showDocs() {
    docLinks.getChildren().clear();
    for (DocRef ref : viewModel.docs()) {
      Hyperlink link = new Hyperlink(ref.title());
      link.setMnemonicParsing(false);
      link.setWrapText(true);
      link.setOnAction(e -> viewModel.openDoc(ref));
      docLinks.getChildren().add(link);
    }
    if (viewModel.docs().isEmpty()) {
      Label none = new Label("No design document mentions this table.");
      none.setWrapText(true);
      none.getStyleClass().add(Styles.MUTED);
      docLinks.getChildren().add(none);
    }
  }

  private static void showWhenNotBlank(Label label) {
    label.visibleProperty().bind(label.textProperty().isNotEmpty());
    label.managedProperty().bind(label.visibleProperty());
  }

  private static <T> void onChange(javafx.collections.ObservableList<T> list, Runnable action) {
    list.addListener((ListChangeListener<T>) change -> action.run());
  }

  /** Focuses the schema so the keyboard works on the page at once. */
  public void focus() {
    schemaTree.requestFocus();
  }

  public Parent root() {
    return root;
  }

  /** The History tab, whose content the main window provides. */
  public Tab historyTab() {
    return historyTab;
  }

  Node docPanel() {
    return docPanel;
  }
}
