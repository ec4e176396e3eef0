package corpus.indexer.source.export;

import static org.assertj.core.api.Assertions.assertThat;

import corpus.indexer.model.Dataset;
import corpus.indexer.model.Doc;
import corpus.indexer.model.Problem;
import corpus.indexer.model.Table;
import corpus.indexer.model.TableUsage;
import corpus.indexer.progress.ProgressListener;
import corpus.indexer.source.CatalogSink;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportSourceTest {

  @TempDir Path dir;

  private static String line(String table, String description) {
    return "{\"tableReference\": {\"projectId\": \"p\", \"datasetId\": \"d\", \"tableId\": \"" + table + "\"},"
        + " \"description\": \"" + description + "\", \"schema\": {\"fields\": [{\"name\": \"id\", \"type\": \"STRING\"}]}}";
  }

  @Test
  void parsesOnlyTheLinesWhoseBytesChangedWhenTheSinkKnowsTheOthers() throws Exception {
    Path file = dir.resolve("tables.ndjson");
    Files.write(file, List.of(line("a", "first"), line("b", "second"), "", line("c", "third")), StandardCharsets.UTF_8);
    FingerprintSink first = new FingerprintSink(Set.of());
    new ExportSource(dir).crawl(first, ProgressListener.NONE);
    assertThat(first.tables).containsExactly("p.d.a", "p.d.b", "p.d.c");
    assertThat(first.fingerprints).hasSize(3).doesNotHaveDuplicates();

    Files.write(file, List.of(line("a", "first"), line("b", "second, edited"), line("c", "third"), "{not json"),
        StandardCharsets.UTF_8);
    FingerprintSink second = new FingerprintSink(new HashSet<>(first.fingerprints));
    new ExportSource(dir).crawl(second, ProgressListener.NONE);

    assertThat(second.tables).as("unchanged lines are skipped before parsing").containsExactly("p.d.b");
    assertThat(second.skipped).isEqualTo(2);
    assertThat(second.problems).singleElement().satisfies(p -> {
      assertThat(p.file()).endsWith("tables.ndjson");
      assertThat(p.line()).isEqualTo(4);
    });
  }

  @Test
  void aFileHoldingOneResourceIsOneRecord() throws Exception {
    Files.writeString(dir.resolve("a.json"), line("a", "only"));
    FingerprintSink first = new FingerprintSink(Set.of());
    new ExportSource(dir).crawl(first, ProgressListener.NONE);
    FingerprintSink second = new FingerprintSink(new HashSet<>(first.fingerprints));
    new ExportSource(dir).crawl(second, ProgressListener.NONE);
    assertThat(first.tables).containsExactly("p.d.a");
    assertThat(second.tables).isEmpty();
    assertThat(second.skipped).isEqualTo(1);
  }

  /** Records the fingerprints it is offered and claims to hold the ones it was given. */
  private static final class FingerprintSink implements CatalogSink {
    final Set<String> known;
    final List<String> fingerprints = new ArrayList<>();
    final List<String> tables = new ArrayList<>();
    final List<Problem> problems = new ArrayList<>();
    int skipped;

    FingerprintSink(Set<String> known) {
      this.known = known;
    }

    @Override
    public boolean unchangedRecord(String fingerprint) {
      fingerprints.add(fingerprint);
      if (known.contains(fingerprint)) {
        skipped++;
        return true;
      }
      return false;
    }

    @Override
    public void table(Table table) {
      tables.add(table.id().toString());
    }

    @Override
    public void dataset(Dataset dataset) {}

    @Override
    public void doc(Doc doc) {}

    @Override
    public void usage(TableUsage usage) {}

    @Override
    public void problem(Problem problem) {
      problems.add(problem);
    }
  }
}
