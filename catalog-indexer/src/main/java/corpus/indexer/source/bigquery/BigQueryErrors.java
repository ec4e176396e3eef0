package corpus.indexer.source.bigquery;

import com.google.cloud.bigquery.BigQueryError;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.JobException;
import corpus.indexer.source.bigquery.BigQueryFailure.Kind;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns the BigQuery client's exceptions into {@link BigQueryFailure}s with one clean sentence,
 * and decides which failures are worth retrying.
 */
final class BigQueryErrors {

  static final String LOGIN_HINT =
      "run 'gcloud auth application-default login' or set GOOGLE_APPLICATION_CREDENTIALS to a"
          + " service-account key file";

  private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");
  private static final Pattern TOKEN = Pattern.compile("(?i)(bearer|token|key)[=: ]+\\S+");

  private BigQueryErrors() {}

  /** The failure to report for {@code error} while doing {@code what} (e.g. "reading dataset p.d"). */
  static BigQueryFailure translate(Throwable error, String what) {
    if (error instanceof BigQueryFailure f) {
      return f;
    }
    Throwable root = rootCause(error);
    if (root instanceof SocketTimeoutException || root instanceof HttpTimeoutException) {
      return new BigQueryFailure(Kind.TIMEOUT, "BigQuery did not answer in time while " + what + ".", error);
    }
    if (root instanceof UnknownHostException || root instanceof ConnectException) {
      return new BigQueryFailure(Kind.TRANSIENT,
          "Cannot reach BigQuery while " + what + ": " + clean(root.getMessage()) + ".", error);
    }
    if (error instanceof BigQueryException e) {
      return fromService(e.getCode(), reason(e), serviceMessage(e), what, error);
    }
    if (error instanceof JobException e) {
      List<BigQueryError> errors = e.getErrors();
      BigQueryError first = errors == null || errors.isEmpty() ? null : errors.get(0);
      return fromService(0, first == null ? null : first.getReason(),
          first == null ? e.getMessage() : first.getMessage(), what, error);
    }
    String m = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    if (m.contains("default credentials") || m.contains("Application Default Credentials")) {
      return new BigQueryFailure(Kind.AUTH, "No Google credentials found: " + LOGIN_HINT + ".", error);
    }
    return new BigQueryFailure(Kind.OTHER, "BigQuery failed while " + what + ": " + clean(m) + ".", error);
  }

  /** True for rate limits, quota bursts and server-side errors, which are worth another try. */
  static boolean isRetryable(Throwable error) {
    if (isTimeout(error)) {
      return true;
    }
    if (error instanceof BigQueryException e) {
      String reason = reason(e);
      int code = e.getCode();
      return code == 429 || code == 500 || code == 502 || code == 503 || code == 504
          || "rateLimitExceeded".equals(reason) || "backendError".equals(reason)
          || "internalError".equals(reason);
    }
    return false;
  }

  private static BigQueryFailure fromService(int code, String reason, String message, String what,
      Throwable cause) {
    String r = reason == null ? "" : reason;
    String detail = clean(message);
    if (code == 401 || r.equals("authError") || r.equals("unauthorized")) {
      return new BigQueryFailure(Kind.AUTH,
          "BigQuery rejected the credentials while " + what + ": " + LOGIN_HINT + ".", cause);
    }
    if (r.equals("bytesBilledLimitExceeded")) {
      return new BigQueryFailure(Kind.BYTES_LIMIT,
          "The query would bill more than the maximum bytes billed, so it was not run and nothing"
              + " was billed (" + detail + ").", cause);
    }
    if (code == 429 || r.equals("rateLimitExceeded") || r.equals("quotaExceeded")) {
      return new BigQueryFailure(Kind.RATE_LIMIT,
          "BigQuery rate limit or quota exceeded while " + what + ": " + detail + ".", cause);
    }
    if (code == 403 || r.equals("accessDenied") || r.equals("billingNotEnabled")) {
      return new BigQueryFailure(Kind.PERMISSION, "Permission denied while " + what + ": " + detail + ".", cause);
    }
    if (code == 404 || r.equals("notFound")) {
      return new BigQueryFailure(Kind.NOT_FOUND, "Not found while " + what + ": " + detail + ".", cause);
    }
    if (r.equals("stopped")) {
      return new BigQueryFailure(Kind.CANCELLED, "The query was cancelled.", cause);
    }
    if (code == 400 || r.equals("invalidQuery") || r.equals("invalid")) {
      return new BigQueryFailure(Kind.INVALID, "BigQuery refused the request while " + what + ": " + detail + ".", cause);
    }
    if (code >= 500 || r.equals("backendError") || r.equals("internalError")) {
      return new BigQueryFailure(Kind.TRANSIENT,
          "BigQuery had a server error (" + code + ") while " + what + ", even after retries: " + detail + ".", cause);
    }
    return new BigQueryFailure(Kind.OTHER, "BigQuery failed while " + what + ": " + detail + ".", cause);
  }

  private static String reason(BigQueryException e) {
    if (e.getError() != null && e.getError().getReason() != null) {
      return e.getError().getReason();
    }
    return e.getReason();
  }

  private static String serviceMessage(BigQueryException e) {
    if (e.getError() != null && e.getError().getMessage() != null) {
      return e.getError().getMessage();
    }
    return e.getMessage();
  }

  /** One line without e-mail addresses or tokens, and without a trailing full stop. */
  static String clean(String message) {
    if (message == null || message.isBlank()) {
      return "no details given";
    }
    String m = message.strip();
    int newline = m.indexOf('\n');
    if (newline > 0) {
      m = m.substring(0, newline).strip();
    }
    m = EMAIL.matcher(m).replaceAll("<user>");
    m = TOKEN.matcher(m).replaceAll("$1=<redacted>");
    if (m.length() > 300) {
      m = m.substring(0, 300) + "…";
    }
    while (m.endsWith(".")) {
      m = m.substring(0, m.length() - 1);
    }
    return m;
  }

  static boolean isTimeout(Throwable error) {
    Throwable root = rootCause(error);
    return root instanceof HttpTimeoutException || root instanceof SocketTimeoutException;
  }

  /** True when the call failed because the calling thread was interrupted (a cancel). */
  static boolean isInterrupt(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof InterruptedException || t instanceof java.io.InterruptedIOException
          && !(t instanceof SocketTimeoutException)) {
        return true;
      }
    }
    return false;
  }

  private static Throwable rootCause(Throwable t) {
    Throwable r = t;
    while (r.getCause() != null && r.getCause() != r) {
      r = r.getCause();
    }
    return r;
  }
}
