package corpus.app.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Finds out, without any network call, which Application Default Credentials the Google client
 * would use on this computer: the key file named by {@code GOOGLE_APPLICATION_CREDENTIALS}, or the
 * file {@code gcloud auth application-default login} writes. It reads only the {@code type} field
 * of such a file and never shows or logs anything else from it.
 */
public final class CredentialsProbe {

  /** What was found, in one sentence for the dialog. */
  public record Found(boolean present, String description) {}

  static final String ENV_VAR = "GOOGLE_APPLICATION_CREDENTIALS";
  private static final String WELL_KNOWN = "application_default_credentials.json";

  private final UnaryOperator<String> env;
  private final Path userHome;
  private final boolean windows;
  private final ObjectMapper json = new ObjectMapper();

  /** @param env reads an environment variable (null when unset) */
  public CredentialsProbe(UnaryOperator<String> env, Path userHome, boolean windows) {
    this.env = env;
    this.userHome = userHome;
    this.windows = windows;
  }

  /** The probe of this process's environment. */
  public static CredentialsProbe system() {
    return new CredentialsProbe(System::getenv, Path.of(System.getProperty("user.home")),
        System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows"));
  }

  /** Looks for Application Default Credentials; blocking file I/O, call off the UI thread. */
  public Found probe() {
    String fromEnv = env.apply(ENV_VAR);
    if (fromEnv != null && !fromEnv.isBlank()) {
      Path file = Path.of(fromEnv.strip());
      if (!Files.isRegularFile(file)) {
        return new Found(false, ENV_VAR + " names " + file + ", which does not exist.");
      }
      return new Found(true, describe(file) + " from " + ENV_VAR + " (" + file + ").");
    }
    Path wellKnown = wellKnownFile();
    if (Files.isRegularFile(wellKnown)) {
      return new Found(true, describe(wellKnown) + " (" + wellKnown + ").");
    }
    return new Found(false, "No Application Default Credentials found on this computer: run"
        + " 'gcloud auth application-default login' or choose a service-account key file."
        + " On Google Cloud, the metadata server may still provide them.");
  }

  /** Where {@code gcloud} keeps the Application Default Credentials of the logged-in user. */
  Path wellKnownFile() {
    String config = env.apply("CLOUDSDK_CONFIG");
    if (config != null && !config.isBlank()) {
      return Path.of(config.strip(), WELL_KNOWN);
    }
    if (windows) {
      String appData = env.apply("APPDATA");
      if (appData != null && !appData.isBlank()) {
        return Path.of(appData, "gcloud", WELL_KNOWN);
      }
    }
    return userHome.resolve(".config").resolve("gcloud").resolve(WELL_KNOWN);
  }

  private String describe(Path file) {
    String type;
    try {
      JsonNode node = json.readTree(file.toFile());
      type = node == null ? "" : node.path("type").asText("");
    } catch (IOException e) {
      return "Application Default Credentials in a file that is not valid JSON";
    }
    return switch (type) {
      case "authorized_user" -> "Your Google account (gcloud auth application-default login)";
      case "service_account" -> "A service-account key";
      case "external_account" -> "Workload identity federation";
      case "impersonated_service_account" -> "An impersonated service account";
      default -> "Application Default Credentials";
    };
  }
}
