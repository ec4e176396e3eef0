package corpus.app.history;

import static org.assertj.core.api.Assertions.assertThat;

import corpus.app.task.TaskExecutor;
import corpus.indexer.history.CatalogHistory;
import corpus.indexer.history.Change;
import corpus.indexer.history.EntityState;
import corpus.indexer.index.FieldClassifications;
import corpus.indexer.model.Field;
import corpus.indexer.model.Table;
import corpus.indexer.model.TableId;
import corpus.indexer.store.CorpusDatabase;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The History tab's view model over a real SQLite history of three crawls. */
class HistoryViewModelTest {

  private static final TableId ID = TableId.parse("p.d.tracks");

  @TempDir Path dir;

  private HistoryStore recordThreeVersions() throws Exception {
    Path db = dir.resolve("corpus.db");
    Path index = dir.resolve("index");
    List<List<Field>> schemas = List.of(
        List.of(Field.of("track_id", "STRING"), Field.of("isrc", "STRING")),
        List.of(Field.of("track_id", "STRING"), Field.of("isrc", "STRING"), Field.of("genre", "STRING")),
        List.of(Field.of("track_id", "STRING"), Field.of("genre", "INT64")));
    try (CorpusDatabase store = CorpusDatabase.open(db)) {
      CatalogHistory history = new CatalogHistory(store.connection());
      int day = 1;
      for (List<Field> schema : schemas) {
        Table t = Table.builder(ID).schema(schema).build();
        history.record(CatalogHistory.catalogKey(index), Map.of(ID.toString(), EntityState.of(t, FieldClassifications.NONE)),
            Instant.parse("2026-11-0" + day++ + "T06:00:00Z"), null);
      }
    }
    return HistoryStore.sqlite(db, index);
  }

  @Test
  void showsTheVersionsAndTheLatestChangeByDefault() throws Exception {
    HistoryViewModel vm = new HistoryViewModel(TaskExecutor.currentThread(), recordThreeVersions());
    vm.load(ID, false);

    assertThat(vm.versions()).extracting(HistoryViewModel::label).containsExactly(
        "v1 · 2026-11-01 06:00 UTC", "v2 · 2026-11-02 06:00 UTC", "v3 · 2026-11-03 06:00 UTC · current");
    assertThat(vm.changes()).extracting(Change::text).containsExactly(
        "field genre retyped STRING NULLABLE → INT64 NULLABLE", "field isrc removed (was STRING NULLABLE)");
    assertThat(vm.messageProperty().get()).isEqualTo("3 versions recorded.");
  }

  @Test
  void comparesAnyTwoVersions() throws Exception {
    HistoryViewModel vm = new HistoryViewModel(TaskExecutor.currentThread(), recordThreeVersions());
    vm.load(ID, false);
    vm.fromProperty().set(vm.versions().get(0));
    vm.toProperty().set(vm.versions().get(1));

    assertThat(vm.changes()).extracting(Change::text).containsExactly("field genre added (STRING NULLABLE)");
  }

  @Test
  void aTableWithoutHistorySaysHowHistoryIsRecorded() {
    HistoryViewModel vm = new HistoryViewModel(TaskExecutor.currentThread(), HistoryStore.NONE);
    vm.load(ID, false);
    assertThat(vm.versions()).isEmpty();
    assertThat(vm.messageProperty().get()).startsWith("No history recorded yet");
  }
}
