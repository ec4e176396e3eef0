package corpus.indexer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code corpus} command line: the composition root of every headless command. Exit codes
 * are decided here, in one place: 0 success, 1 nothing useful could be done, 2 usage error.
 */
@Command(
    name = "corpus",
    mixinStandardHelpOptions = true,
    version = "corpus 0.1.0",
    description = "Data catalog and GDPR governance explorer for BigQuery warehouses.",
    subcommands = {IndexCommand.class, SearchCommand.class, LineageCommand.class, GenerateCommand.class, BenchCommand.class, GdprCommand.class, ScdCommand.class, HistoryCommand.class, EstimateCommand.class,
      AotTrainingCommand.class, CommandLine.HelpCommand.class})
public final class CorpusCli {

  /** Runs a command line and returns its exit code; never calls {@code System.exit}. */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  /** The configured command line, for callers that set their own out/err writers. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new CorpusCli());
    cli.setExecutionExceptionHandler(CorpusCli::handle);
    return cli;
  }

  private static int handle(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
    PrintWriter err = cmd.getErr();
    int code;
    String message;
    if (e instanceof CliException c) {
      code = c.exitCode();
      message = c.getMessage();
    } else if (e instanceof NoSuchFileException n) {
      code = 1;
      message = "no such file or folder: " + n.getFile() + (n.getReason() == null ? "" : " (" + n.getReason() + ")");
    } else if (e instanceof IOException) {
      code = 1;
      message = e.getMessage();
    } else if (e instanceof InterruptedException) {
      code = 130;
      message = "interrupted";
    } else {
      code = 1;
      message = "unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage();
    }
    err.println("corpus " + cmd.getCommandName() + ": " + message);
    err.flush();
    return code;
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }
}
