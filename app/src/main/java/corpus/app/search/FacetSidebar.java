package corpus.app.search;

import corpus.app.format.Formats;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The facet sidebar: for each dimension a title and check boxes with counts; checking one drills
 * down, unchecking widens again, "Clear filters" drops them all. Keyboard: Tab reaches the check
 * boxes, Space toggles. Rebuilt after every search, keeping the focus on the same value.
 */
final class FacetSidebar {

  static final int SHOWN_VALUES = 6;
  /** What a facet count is: results, as the list shows them, not the index's documents. */
  static final String COUNTS_NOTE = "Counts are results: a table counts once, however many of its fields match.";

  private final SearchViewModel viewModel;
  private final VBox groupsBox = new VBox();
  private final ScrollPane root;
  private final Set<String> expanded = new HashSet<>();

  FacetSidebar(SearchViewModel viewModel) {
    this.viewModel = viewModel;
    Label title = new Label("Filters");
    title.getStyleClass().add(SearchStyles.FACET_HEADER);
    Hyperlink clear = new Hyperlink("Clear filters");
    clear.setId("clearFilters");
    clear.setOnAction(e -> viewModel.clearFilters());
    clear.visibleProperty().bind(Bindings.isNotEmpty(viewModel.drillDowns()));
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    HBox header = new HBox(title, gap, clear);
    header.setAlignment(Pos.CENTER_LEFT);
    Label note = new Label(COUNTS_NOTE);
    note.setId("facetCountsNote");
    note.setWrapText(true);
    note.getStyleClass().add(SearchStyles.FACET_NOTE);
    VBox content = new VBox(6, header, note, groupsBox);
    content.getStyleClass().add(SearchStyles.FACET_SIDEBAR);
    root = new ScrollPane(content);
    root.setId("facets");
    root.setFitToWidth(true);
    root.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    root.getStyleClass().add(SearchStyles.FACET_SIDEBAR);
    viewModel.facetGroups().addListener((ListChangeListener<FacetGroup>) change -> rebuild());
    rebuild();
  }

  private void rebuild() {
    String focused = focusedValue();
    groupsBox.getChildren().clear();
    for (FacetGroup group : viewModel.facetGroups()) {
      groupsBox.getChildren().add(section(group));
    }
    if (focused != null) {
      checkBoxes().stream().filter(b -> focused.equals(b.getUserData())).findFirst()
          .ifPresent(Node::requestFocus);
    }
  }

  private VBox section(FacetGroup group) {
    Label title = new Label(group.title());
    title.getStyleClass().add(SearchStyles.FACET_TITLE);
    VBox section = new VBox(1, title);
    List<FacetValue> values = group.values();
    boolean all = expanded.contains(group.dimension()) || values.size() <= SHOWN_VALUES + 1;
    for (int i = 0; i < values.size(); i++) {
      if (all || i < SHOWN_VALUES || values.get(i).selected()) {
        section.getChildren().add(row(values.get(i)));
      }
    }
    if (!all) {
      Hyperlink more = new Hyperlink("Show all " + values.size());
      more.getStyleClass().add(SearchStyles.FACET_MORE);
      more.setOnAction(e -> {
        expanded.add(group.dimension());
        rebuild();
      });
      section.getChildren().add(more);
    }
    return section;
  }

  private HBox row(FacetValue value) {
    CheckBox box = new CheckBox(value.label());
    box.setMnemonicParsing(false); // dataset names such as raw_events keep their underscores
    box.setSelected(value.selected());
    box.setUserData(value.drillDown());
    box.setMaxWidth(Double.MAX_VALUE);
    box.setOnAction(e -> viewModel.toggle(value));
    Label count = new Label(Formats.count(value.count()));
    count.getStyleClass().add(SearchStyles.FACET_COUNT);
    HBox.setHgrow(box, Priority.ALWAYS);
    HBox row = new HBox(6, box, count);
    row.setAlignment(Pos.CENTER_LEFT);
    row.getStyleClass().add(SearchStyles.FACET_ROW);
    return row;
  }

  private String focusedValue() {
    return checkBoxes().stream().filter(Node::isFocused).map(b -> (String) b.getUserData()).findFirst()
        .orElse(null);
  }

  private List<CheckBox> checkBoxes() {
    return groupsBox.lookupAll(".check-box").stream()
        .filter(CheckBox.class::isInstance).map(CheckBox.class::cast).toList();
  }

  /** Moves the focus to the first facet value, if there is one. */
  boolean focusFirst() {
    List<CheckBox> boxes = checkBoxes();
    if (boxes.isEmpty()) {
      return false;
    }
    boxes.getFirst().requestFocus();
    return true;
  }

  ScrollPane root() {
    return root;
  }
}
