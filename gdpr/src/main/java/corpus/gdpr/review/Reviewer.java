package corpus.gdpr.review;

/**
 * Who is deciding: a configured reviewer name, or else the operating-system user.
 *
 * @param name the name written to the audit log
 */
public record Reviewer(String name) {

  public Reviewer {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a reviewer needs a name");
    }
    name = name.strip();
  }

  /** The configured name if not blank, else {@code System.getProperty("user.name")}. */
  public static Reviewer configuredOrOsUser(String configured) {
    if (configured != null && !configured.isBlank()) {
      return new Reviewer(configured);
    }
    String os = System.getProperty("user.name");
    return new Reviewer(os == null || os.isBlank() ? "unknown" : os);
  }
}
