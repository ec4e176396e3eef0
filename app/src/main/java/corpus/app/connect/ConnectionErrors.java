package corpus.app.connect;

import com.google.cloud.bigquery.BigQueryException;
import corpus.indexer.source.bigquery.BigQueryFailure;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;

/**
 * Turns what goes wrong while testing a connection into one sentence for the dialog: no
 * credentials, credentials refused, permission denied, project not found, endpoint unreachable.
 * Messages from the service are cut to their first line, without e-mail addresses or tokens.
 */
final class ConnectionErrors {

  static final String LOGIN_HINT = "run 'gcloud auth application-default login' or choose a"
      + " service-account key file";


  private ConnectionErrors() {}

  /** The failure to show for {@code error} met while listing the datasets of {@code project}. */
  static ConnectFailure whileListing(Throwable error, String project) {
    if (error instanceof ConnectFailure f) {
      return f;
    }
    if (error instanceof BigQueryFailure f) {
      return new ConnectFailure(f.getMessage(), f);
    }
    Throwable root = rootCause(error);
    Throwable unreachable = find(error, UnknownHostException.class, ConnectException.class,
        HttpConnectTimeoutException.class);
    if (unreachable != null) {
      String why = unreachable instanceof UnknownHostException
          ? "unknown host " + clean(unreachable.getMessage())
          : unreachable instanceof HttpConnectTimeoutException ? "the connection timed out"
          : unreachable.getMessage() == null ? "the connection was refused" : clean(unreachable.getMessage());
      return new ConnectFailure("Cannot reach BigQuery: " + why
          + ". Check the network, a proxy, or the endpoint under Advanced.", error);
    }
    if (root instanceof SocketTimeoutException || root instanceof HttpTimeoutException) {
      return new ConnectFailure("BigQuery did not answer in time while listing the datasets of project "
          + project + ".", error);
    }
    if (error instanceof BigQueryException e) {
      return fromService(e, project);
    }
    return new ConnectFailure("The connection to project " + project + " failed: "
        + clean(error.getMessage()) + ".", error);
  }

  private static ConnectFailure fromService(BigQueryException e, String project) {
    String reason = e.getError() != null && e.getError().getReason() != null
        ? e.getError().getReason() : String.valueOf(e.getReason());
    String detail = clean(e.getError() != null && e.getError().getMessage() != null
        ? e.getError().getMessage() : e.getMessage());
    int code = e.getCode();
    if (code == 401 || reason.equals("authError") || reason.equals("unauthorized")) {
      return new ConnectFailure("BigQuery rejected the credentials: " + LOGIN_HINT + ".", e);
    }
    if (code == 403 || reason.equals("accessDenied")) {
      return new ConnectFailure("Permission denied on project " + project + ": " + detail
          + ". Ask for BigQuery Metadata Viewer (roles/bigquery.metadataViewer) there.", e);
    }
    if (code == 404 || reason.equals("notFound")) {
      return new ConnectFailure("Project " + project + " was not found, or these credentials cannot see"
          + " it: check the project id.", e);
    }
    if (code == 0 && e.getMessage() != null && e.getMessage().contains("access token")) {
      return new ConnectFailure("Google refused to give these credentials an access token ("
          + detail + "): " + LOGIN_HINT + ".", e);
    }
    return new ConnectFailure("BigQuery failed while listing the datasets of project " + project
        + (code > 0 ? " (HTTP " + code + ")" : "") + ": " + detail + ".", e);
  }

  /** True when the error only says that the work was cancelled. */
  static boolean isInterrupt(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof InterruptedException
          || (t instanceof InterruptedIOException && !(t instanceof SocketTimeoutException))) {
        return true;
      }
    }
    return false;
  }

  /** One line without e-mail addresses or tokens, and without a trailing full stop. */
  static String clean(String message) {
    return BigQueryFailure.redact(message);
  }

  @SafeVarargs
  private static Throwable find(Throwable error, Class<? extends Throwable>... types) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      for (Class<? extends Throwable> type : types) {
        if (type.isInstance(t)) {
          return t;
        }
      }
    }
    return null;
  }

  private static Throwable rootCause(Throwable t) {
    Throwable r = t;
    while (r.getCause() != null && r.getCause() != r) {
      r = r.getCause();
    }
    return r;
  }
}
