package corpus.indexer.cli;

/** A failure the command line reports as one clear sentence with an exit code, no stack trace. */
public final class CliException extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private final int exitCode;

  public CliException(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
