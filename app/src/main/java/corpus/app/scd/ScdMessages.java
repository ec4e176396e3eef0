package corpus.app.scd;

/** Turns a failure of a warehouse query into one sentence for the user, never a stack trace. */
final class ScdMessages {

  private ScdMessages() {}

  static String of(Throwable e) {
    String m = e.getMessage();
    if (m == null || m.isBlank()) {
      return e.getClass().getSimpleName();
    }
    int newline = m.indexOf('\n');
    return newline > 0 ? m.substring(0, newline) : m;
  }
}
