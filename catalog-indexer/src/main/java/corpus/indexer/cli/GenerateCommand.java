package corpus.indexer.cli;

import corpus.indexer.generate.SyntheticExport;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code corpus generate}: writes a synthetic BigQuery export for scale tests. */
@Command(name = "generate", description = "Write a synthetic BigQuery metadata export (NDJSON) for scale tests.")
public final class GenerateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--tables", required = true, description = "Number of tables.")
  int tables;

  @Option(names = "--fields-per-table", required = true, description = "Average fields per table (nested included).")
  int fieldsPerTable;

  @Option(names = "--out", required = true, description = "Folder to write the NDJSON files into.")
  Path out;

  @Option(names = "--seed", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}); same seed, same bytes.")
  long seed;

  @Override
  public Integer call() throws Exception {
    if (tables <= 0 || fieldsPerTable <= 0) {
      throw new CliException("--tables and --fields-per-table must be positive", 2);
    }
    long start = System.nanoTime();
    long fields = new SyntheticExport(seed).write(out, tables, fieldsPerTable, new ConsoleProgress(spec.commandLine().getErr()));
    spec.commandLine().getErr().printf(Locale.ROOT, "wrote %,d tables, %,d fields to %s in %.1f s%n",
        tables, fields, out, (System.nanoTime() - start) / 1e9);
    spec.commandLine().getErr().flush();
    return 0;
  }
}
