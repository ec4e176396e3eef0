package corpus.app.gdpr;

import corpus.app.task.TaskExecutor;
import corpus.app.task.Tasks;
import corpus.gdpr.detect.Classifier;
import corpus.indexer.CorpusHome;
import corpus.indexer.catalog.CatalogReader;
import corpus.indexer.gdpr.GdprStores;
import corpus.indexer.model.TableId;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;
import corpus.app.theme.Theme;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The "GDPR review" page as the main window mounts it: opens the review store in the Corpus
 * database in the background the first time it is shown, then builds the queue over it and
 * reloads it on every later visit.
 *
 * <pre>{@code
 * ReviewPage review = new ReviewPage(home, indexDir, executor, id -> navigator.go(new Place.Table(id)));
 * pages.getChildren().add(review.root());
 * review.show();   // when the Review place is shown
 * }</pre>
 */
public final class ReviewPage {

  private static final Logger LOG = LoggerFactory.getLogger(ReviewPage.class);

  private final CorpusHome home;
  private final Path indexDir;
  private final TaskExecutor executor;
  private final Consumer<TableId> openTable;
  private final Supplier<CatalogReader> catalog;
  private final StackPane root = new StackPane(new Label("Opening the review queue…"));
  private ReviewService service;
  private ReviewQueueViewModel vm;
  private ReviewQueueView view;
  private boolean opening;

  public ReviewPage(CorpusHome home, Path indexDir, TaskExecutor executor, Consumer<TableId> openTable) {
    this(home, indexDir, executor, openTable, () -> null);
  }

  /** As above; {@code catalog} gives the open catalog, whose search tags then follow every decision. */
  public ReviewPage(CorpusHome home, Path indexDir, TaskExecutor executor, Consumer<TableId> openTable,
      Supplier<CatalogReader> catalog) {
    this.catalog = catalog;
    this.home = home;
    this.indexDir = indexDir;
    this.executor = executor;
    this.openTable = openTable;
    root.setId("reviewPage");
  }

  /** Opens the queue (the first time) or reloads it. */
  public void show() {
    if (vm != null) {
      vm.refresh();
      view.focus();
      return;
    }
    if (opening) {
      return;
    }
    opening = true;
    Classifier classifier = Classifier.withDefaults();
    Tasks.create(() -> new ReviewService(GdprStores.open(home.database(), classifier.taxonomy()), classifier)
            .followedBy(new ReviewService.CatalogLink(indexDir, catalog)))
        .onSuccess(s -> {
          service = s;
          vm = new ReviewQueueViewModel(s, new CatalogReviewSampling(indexDir, home, s), executor, openTable);
          view = new ReviewQueueView(vm);
          root.getChildren().setAll(view.root(), actions(s));
          vm.refresh();
          view.focus();
        })
        .onError(Exception.class, e -> root.getChildren().setAll(
            new Label("The review queue could not be opened: " + e.getMessage())))
        .andFinally(() -> opening = false)
        .runOn(executor);
  }

  /** The buttons at the top right of the page: data-subject requests and policy-tag sync. */
  private HBox actions(ReviewService s) {
    Button dsr = new Button("Data-subject request…");
    dsr.setId("subjectRequestButton");
    dsr.setTooltip(new Tooltip("Find every table holding an identifier, with parameterised access and erasure"
        + " statements and their cost estimates"));
    dsr.setOnAction(e -> new SubjectRequestDialog(new SubjectRequestViewModel(s.taxonomy(),
        new CatalogSubjectRequests(indexDir, home, s), executor), dsr.getScene().getWindow(),
        Theme.fromSystemProperty()).show());
    HBox actions = new HBox(8, dsr, PolicyTagSyncAction.button(s, home, executor));
    actions.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
    actions.setPickOnBounds(false);
    StackPane.setAlignment(actions, Pos.TOP_RIGHT);
    StackPane.setMargin(actions, new Insets(10, 12, 0, 0));
    return actions;
  }

  public Node root() {
    return root;
  }

  /** Closes the review store. */
  public void close() {
    if (service != null) {
      try {
        service.close();
      } catch (Exception e) {
        LOG.warn("Could not close the review store: {}", e.getClass().getSimpleName());
      }
    }
  }
}
