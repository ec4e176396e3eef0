package corpus.indexer.history;

import static org.assertj.core.api.Assertions.assertThat;

import corpus.indexer.index.FieldClassifications;
import corpus.indexer.model.Field;
import corpus.indexer.model.Table;
import corpus.indexer.model.TableId;
import corpus.indexer.model.TimePartitioning;
import corpus.indexer.store.CorpusDatabase;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogHistoryTest {

  private static final TableId ID = TableId.parse("p.d.tracks");
  private static final Instant T1 = Instant.parse("2026-11-01T06:00:00Z");
  private static final Instant T2 = Instant.parse("2026-11-02T06:00:00Z");
  private static final Instant T3 = Instant.parse("2026-11-03T06:00:00Z");

  @TempDir Path dir;

  private static Table tracks(List<Field> schema, Map<String, String> labels, String description) {
    return Table.builder(ID).description(description).labels(labels).schema(schema).build();
  }

  private static Map<String, EntityState> states(Table... tables) {
    java.util.Map<String, EntityState> out = new java.util.LinkedHashMap<>();
    for (Table t : tables) {
      out.put(t.id().toString(), EntityState.of(t, FieldClassifications.NONE));
    }
    return out;
  }

  @Test
  void keepsOneCurrentVersionPerEntityAndClosesTheOldOneWhenItChanges() throws Exception {
    Table v1 = tracks(List.of(Field.of("track_id", "STRING"), Field.of("plays", "INT64")), Map.of("tier", "silver"), "Tracks");
    Table v2 = tracks(List.of(Field.of("track_id", "STRING"), Field.of("plays", "STRING"), Field.of("genre", "STRING")),
        Map.of("tier", "gold"), "Tracks");
    try (CorpusDatabase db = CorpusDatabase.open(dir.resolve("corpus.db"))) {
      CatalogHistory history = new CatalogHistory(db.connection());
      assertThat(history.record("c", states(v1), T1, 1L)).isEqualTo(new CatalogHistory.Outcome(1, 0, 0, 0));
      assertThat(history.record("c", states(v1), T2, 2L)).isEqualTo(new CatalogHistory.Outcome(0, 0, 0, 1));
      assertThat(history.record("c", states(v2), T3, 3L)).isEqualTo(new CatalogHistory.Outcome(0, 1, 0, 0));

      List<EntityVersion> versions = history.versions("c", ID.toString());
      assertThat(versions).hasSize(2);
      assertThat(versions.get(0).validTo()).isEqualTo(T3);
      assertThat(versions.get(0).current()).isFalse();
      assertThat(versions.get(1).validFrom()).isEqualTo(T3);
      assertThat(versions.get(1).validTo()).isNull();
      assertThat(versions.get(1).current()).isTrue();
      assertThat(StateDiff.between(versions.get(0).state(), versions.get(1).state())).extracting(Change::text)
          .containsExactly("field genre added (STRING NULLABLE)", "field plays retyped INT64 NULLABLE → STRING NULLABLE",
              "label tier changed from silver to gold");
    }
  }

  @Test
  void recordsARemovedTableAsADeletedVersionAndARecrawlBringsItBack() throws Exception {
    Table t = tracks(List.of(Field.of("track_id", "STRING")), Map.of(), null);
    try (CorpusDatabase db = CorpusDatabase.open(dir.resolve("corpus.db"))) {
      CatalogHistory history = new CatalogHistory(db.connection());
      history.record("c", states(t), T1, null);
      assertThat(history.record("c", Map.of(), T2, null)).isEqualTo(new CatalogHistory.Outcome(0, 0, 1, 0));
      assertThat(history.record("c", states(t), T3, null).changed()).isEqualTo(1);

      assertThat(history.versions("c", ID.toString())).extracting(EntityVersion::deleted, EntityVersion::current)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(false, false), org.assertj.core.groups.Tuple.tuple(true, false),
              org.assertj.core.groups.Tuple.tuple(false, true));
      assertThat(history.versions("other", ID.toString())).isEmpty();
    }
  }

  @Test
  void describesPartitioningDescriptionAndClassificationChangesInWords() {
    Table before = tracks(List.of(Field.of("day", "DATE"), Field.of("email", "STRING")), Map.of(), "Old words");
    Table after = before.toBuilder().description("New words")
        .timePartitioning(new TimePartitioning("DAY", "day", null, true)).build();
    FieldClassifications emails = (table, field) -> field.path().equals("email") ? List.of("email") : List.of();

    List<Change> changes = StateDiff.between(EntityState.of(before, FieldClassifications.NONE), EntityState.of(after, emails));

    assertThat(changes).extracting(Change::text).containsExactly("description changed",
        "partitioning set to DAY on day, filter required", "classification of field email set to email");
  }
}
