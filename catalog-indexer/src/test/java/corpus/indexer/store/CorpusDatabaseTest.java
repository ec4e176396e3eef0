package corpus.indexer.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import corpus.indexer.index.IndexSummary;
import corpus.indexer.model.Problem;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusDatabaseTest {

  @TempDir Path dir;

  @Test
  void appliesMigrationsOnceInWalMode() throws Exception {
    Path file = dir.resolve("corpus.db");
    try (CorpusDatabase db = CorpusDatabase.open(file)) {
      assertThat(db.schemaVersion()).isEqualTo(CorpusDatabase.MIGRATIONS.size());
      try (Statement s = db.connection().createStatement(); ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
        assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
      }
    }
    try (CorpusDatabase db = CorpusDatabase.open(file)) {
      assertThat(db.schemaVersion()).isEqualTo(CorpusDatabase.MIGRATIONS.size());
    }
  }

  @Test
  void recordsCrawlsWithTheirProblemsAcrossReopen() throws Exception {
    Path file = dir.resolve("corpus.db");
    try (CorpusDatabase db = CorpusDatabase.open(file)) {
      db.crawls().record(dir, List.of("sample"), new IndexSummary(1, 2, 3, 4,
          List.of(new Problem("export:x", "x/a.json", 3, "malformed JSON")), 10));
    }
    try (CorpusDatabase db = CorpusDatabase.open(file)) {
      assertThat(db.crawls().recent(5)).singleElement().satisfies(c -> {
        assertThat(c.tables()).isEqualTo(2);
        assertThat(c.problems()).isEqualTo(1);
      });
    }
  }

  @Test
  void refusesADatabaseFromANewerCorpus() throws Exception {
    Path file = dir.resolve("corpus.db");
    try (CorpusDatabase db = CorpusDatabase.open(file); Statement s = db.connection().createStatement()) {
      s.execute("INSERT INTO schema_version VALUES (999, 'future', 'now')");
    }
    assertThatThrownBy(() -> CorpusDatabase.open(file)).isInstanceOf(IOException.class).hasMessageContaining("newer");
  }
}
