package corpus.indexer.cli;

import corpus.indexer.CorpusHome;
import corpus.indexer.index.LuceneCatalog;
import corpus.indexer.model.TableId;
import corpus.indexer.scd.QueryRunner;
import corpus.indexer.scd.QueryRunners;
import corpus.indexer.scd.ScdCatalog;
import corpus.indexer.scd.ScdNames;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code corpus scd}: slowly changing dimensions of type 2 — {@code tables} (which tables are SCD2,
 * with their keys), {@code check} (health checks as bounded warehouse queries), {@code history} (the
 * versions of one entity) and {@code as-of} (a table's state at a date). See docs/scd.md.
 */
@Command(name = "scd", description = "SCD type 2 tables: recognition, health checks, entity history, as-of views (docs/scd.md).",
    subcommands = {ScdTablesCommand.class, ScdCheckCommand.class, ScdHistoryCommand.class, ScdAsOfCommand.class})
public final class ScdCommand implements Callable<Integer> {

  /** Exit code of {@code scd check --fail-on-findings} when an error or warning was found. */
  static final int FINDINGS = 3;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }

  /** The SCD column names: the defaults plus {@code scd-names.properties} in the Corpus home. */
  static ScdNames names(CorpusHome home) throws IOException {
    return ScdNames.load(home.root().resolve("scd-names.properties"));
  }

  /** The table and its SCD reading, or a one-sentence CLI error. */
  static ScdCatalog.Recognised recognise(Path indexDir, String table, CorpusHome home) throws IOException {
    TableId id;
    try {
      id = TableId.parse(table);
    } catch (IllegalArgumentException e) {
      throw new CliException(e.getMessage(), 2);
    }
    if (!LuceneCatalog.exists(indexDir)) {
      throw new CliException("no catalog at " + indexDir + ": build one with `corpus index --index-dir " + indexDir
          + " --source sample`", 1);
    }
    try (LuceneCatalog catalog = LuceneCatalog.open(indexDir)) {
      if (catalog.table(id).isEmpty()) {
        throw new CliException("the catalog has no table " + id, 1);
      }
      return new ScdCatalog(catalog, names(home)).recognise(id).orElseThrow(() -> new CliException(id
          + " is not an SCD type 2 table: it has no valid-from and valid-to columns (see docs/scd.md to name yours)", 1));
    }
  }

  /** The warehouse to query: {@code --warehouse}, else the one the catalog was crawled from. */
  static QueryRunner runner(String warehouse, Path indexDir, CorpusHome home) throws IOException {
    String spec = warehouse != null ? warehouse : QueryRunners.specOf(indexDir, home).orElseThrow(
        () -> new CliException("no warehouse known for " + indexDir
            + "; name one with --warehouse sample|duckdb:FILE|bigquery:PROJECT", 2));
    LuceneCatalog catalog = LuceneCatalog.exists(indexDir) ? LuceneCatalog.open(indexDir) : null;
    try {
      return QueryRunners.open(spec, home, catalog != null ? catalog::table : id -> java.util.Optional.empty(),
          catalog != null ? catalog::close : null);
    } catch (IllegalArgumentException e) {
      throw new CliException(e.getMessage(), 2);
    }
  }
}
