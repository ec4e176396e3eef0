package corpus.app.gdpr;

import corpus.app.connect.ConnectionStore;
import corpus.app.task.TaskExecutor;
import corpus.app.task.Tasks;
import corpus.app.theme.Theme;
import corpus.indexer.CorpusHome;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;

/**
 * The review page's "Sync to BigQuery policy tags…" button: reads the saved BigQuery connections
 * in the background, then opens {@link PolicyTagSyncDialog} (which explains what to do when there
 * is no connection). Placed at the top right of the review page.
 */
public final class PolicyTagSyncAction {

  private PolicyTagSyncAction() {}

  /** The button for {@code reviews}, laid out for the page's {@link StackPane}. */
  public static Button button(ReviewService reviews, CorpusHome home, TaskExecutor executor) {
    Button button = new Button("Sync to BigQuery policy tags…");
    button.setId("syncPolicyTagsButton");
    button.setTooltip(new Tooltip("Write confirmed classifications to BigQuery column policy tags (needs a BigQuery"
        + " connection; shows a preview first)"));
    StackPane.setAlignment(button, Pos.TOP_RIGHT);
    StackPane.setMargin(button, new Insets(10, 12, 0, 0));
    button.setOnAction(e -> {
      button.setDisable(true);
      Tasks.create(() -> ConnectionStore.in(home).load())
          .onSuccess(saved -> new PolicyTagSyncDialog(new PolicyTagSyncViewModel(reviews, saved,
              new PolicyTagSyncConnector(), executor), button.getScene().getWindow(), Theme.fromSystemProperty()).show())
          .andFinally(() -> button.setDisable(false))
          .runOn(executor);
    });
    return button;
  }
}
