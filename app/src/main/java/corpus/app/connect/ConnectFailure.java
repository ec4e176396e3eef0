package corpus.app.connect;

/**
 * A connection that could not be made or tested, with one sentence fit to show a user as it is:
 * never a stack trace, never credentials or key contents. The original exception is the cause.
 */
public final class ConnectFailure extends Exception {

  public ConnectFailure(String message, Throwable cause) {
    super(message, cause);
  }

  public ConnectFailure(String message) {
    super(message);
  }
}
