package corpus.app.catalog;

import corpus.app.catalog.CatalogViewModel.State;
import corpus.app.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The card shown over the app until the catalog is open: what is happening, a progress bar and
 * Cancel while the sample catalog is built, and a way to build it again after a cancel or failure.
 */
public final class CatalogStatusView extends StackPane {

  public CatalogStatusView(CatalogViewModel viewModel) {
    setId("catalogStatus");
    getStyleClass().add(Styles.PAGE);
    Label title = new Label();
    title.getStyleClass().add(Styles.EMPTY_TITLE);
    Label message = new Label();
    message.setId("catalogMessage");
    message.setWrapText(true);
    message.getStyleClass().add(Styles.EMPTY_TEXT);
    message.textProperty().bind(viewModel.messageProperty());
    ProgressBar bar = new ProgressBar();
    bar.setMaxWidth(Double.MAX_VALUE);
    bar.progressProperty().bind(viewModel.progressProperty());
    Button cancel = new Button("Cancel");
    cancel.setId("cancelBuild");
    cancel.setOnAction(e -> viewModel.cancel());
    Button build = new Button("Build the sample catalog");
    build.setId("buildCatalog");
    build.getStyleClass().add("accent");
    build.setOnAction(e -> viewModel.build());
    HBox buttons = new HBox(8, cancel, build);
    buttons.setAlignment(Pos.CENTER_RIGHT);
    VBox card = new VBox(title, message, bar, buttons);
    card.getStyleClass().add(Styles.CATALOG_CARD);
    getChildren().add(card);

    viewModel.stateProperty().addListener((obs, old, state) -> show(state, title, bar, cancel, build));
    show(viewModel.stateProperty().get(), title, bar, cancel, build);
    visibleProperty().bind(viewModel.stateProperty().isNotEqualTo(State.READY));
  }

  private static void show(State state, Label title, ProgressBar bar, Button cancel, Button build) {
    title.setText(switch (state) {
      case OPENING -> "Opening the catalog";
      case BUILDING -> "Building your catalog";
      case CANCELLED -> "No catalog yet";
      case FAILED -> "The catalog is not available";
      case READY -> "";
    });
    boolean busy = state == State.OPENING || state == State.BUILDING;
    bar.setVisible(busy);
    cancel.setVisible(state == State.BUILDING);
    cancel.setManaged(cancel.isVisible());
    build.setVisible(state == State.CANCELLED || state == State.FAILED);
    build.setManaged(build.isVisible());
  }
}
