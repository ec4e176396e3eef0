package corpus.app.table;

import static org.assertj.core.api.Assertions.assertThat;

import corpus.app.Navigator;
import corpus.app.Place;
import corpus.app.format.Formats;
import corpus.app.table.TablePageViewModel.State;
import corpus.app.task.TaskExecutor;
import corpus.app.testing.SmallCatalog;
import corpus.indexer.catalog.CatalogReader;
import corpus.indexer.model.Field;
import corpus.indexer.model.TableId;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TablePageViewModelTest {

  @TempDir static Path indexDir;
  private static CatalogReader catalog;

  private final Navigator navigator = new Navigator();
  private final Formats formats =
      new Formats(Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC), ZoneOffset.UTC);
  private final TablePageViewModel viewModel =
      new TablePageViewModel(TaskExecutor.currentThread(), navigator, formats);

  @BeforeAll
  static void buildCatalog() throws Exception {
    catalog = SmallCatalog.build(indexDir);
  }

  @AfterAll
  static void closeCatalog() throws Exception {
    catalog.close();
  }

  @BeforeEach
  void openCatalog() {
    viewModel.catalogProperty().set(catalog);
  }

  @Test
  void showsTheTableHeaderWithOwnerAndLabels() {
    viewModel.load(SmallCatalog.CREATOR_METRICS);

    assertThat(viewModel.stateProperty().get()).isEqualTo(State.READY);
    assertThat(viewModel.titleProperty().get()).isEqualTo("soundwave-prod.creator.daily_creator_metrics");
    assertThat(viewModel.kindProperty().get()).isEqualTo("table");
    assertThat(viewModel.friendlyNameProperty().get()).isEqualTo("Daily creator metrics");
    assertThat(viewModel.descriptionProperty().get()).isEqualTo("Plays, listeners and actions per creator per day");
    assertThat(viewModel.ownerProperty().get()).isEqualTo("creator-insights");
    assertThat(viewModel.labels()).containsExactly("freshness: daily-10-cet", "tier: gold");
    assertThat(viewModel.badges()).contains("published", "partitioned");
  }

  @Test
  void describesStorageAndHistoryInWords() {
    viewModel.load(SmallCatalog.CREATOR_METRICS);

    assertThat(viewModel.facts()).containsExactly(
        new Fact("Location", "EU"),
        new Fact("Partitioning", "DAY on date, filter required"),
        new Fact("Clustering", "creator_id"),
        new Fact("Rows", "1,234,567"),
        new Fact("Size", "1.4 GB"),
        new Fact("Last modified", "2026-11-20 08:30 (2 days ago)"),
        new Fact("Created", "2023-03-01 09:00 (3 years ago)"),
        new Fact("Expires", "never"),
        new Fact("Usage", "420 queries by 37 people, last 2 days ago"));
  }

  @Test
  void takesTheLocationFromTheDatasetWhenTheTableHasNone() {
    viewModel.load(SmallCatalog.TOP_TRACKS);

    assertThat(viewModel.kindProperty().get()).isEqualTo("view");
    assertThat(viewModel.facts()).contains(new Fact("Location", "EU"), new Fact("Rows", "—"));
  }

  @Test
  void keepsTheNestedSchemaAndTheDocsThatMentionTheTable() {
    viewModel.load(SmallCatalog.CREATOR_METRICS);

    assertThat(viewModel.schema()).extracting(Field::name)
        .containsExactly("date", "creator_id", "plays", "listeners", "actions_received");
    assertThat(Field.flatten(viewModel.schema())).extracting(Field.Flat::path)
        .contains("actions_received.metric_name", "actions_received.details.source");
    assertThat(viewModel.docs()).extracting(d -> d.title()).containsExactly(SmallCatalog.DOC_TITLE);
  }

  @Test
  void opensAndClosesADesignDocumentBesideTheTable() {
    viewModel.load(SmallCatalog.CREATOR_METRICS);

    viewModel.openDoc(viewModel.docs().getFirst());
    assertThat(viewModel.openDocProperty().get().doc().sections()).extracting(s -> s.heading())
        .contains("Freshness");

    viewModel.closeDoc();
    assertThat(viewModel.openDocProperty().get()).isNull();
  }

  @Test
  void saysSoWhenTheTableIsNotInTheCatalog() {
    viewModel.load(SmallCatalog.CREATOR_METRICS);

    viewModel.load(TableId.parse("soundwave-prod.creator.gone"));

    assertThat(viewModel.stateProperty().get()).isEqualTo(State.NOT_FOUND);
    assertThat(viewModel.errorProperty().get()).contains("has no table soundwave-prod.creator.gone");
    assertThat(viewModel.schema()).isEmpty();
    assertThat(viewModel.facts()).isEmpty();
  }

  @Test
  void backReturnsToTheResults() {
    navigator.go(new Place.Table(SmallCatalog.CREATOR_METRICS));

    viewModel.back();

    assertThat(navigator.current()).isEqualTo(new Place.Search());
  }
}
