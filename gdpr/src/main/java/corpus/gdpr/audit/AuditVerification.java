package corpus.gdpr.audit;

/**
 * The result of {@link AuditLog#verify()}: intact with the number of entries and the head hash
 * (publish it, e.g. in CI logs, to detect a later truncation), or the first broken entry and why.
 *
 * @param intact whether every entry's hash and link checked out
 * @param entries number of entries read
 * @param headHash hash of the last entry read ({@link AuditEntry#GENESIS} for an empty log)
 * @param firstBrokenId id of the first entry that failed, or {@code null}
 * @param problem why it failed, or {@code null}
 */
public record AuditVerification(boolean intact, long entries, String headHash, Long firstBrokenId, String problem) {

  static AuditVerification ok(long entries, String headHash) {
    return new AuditVerification(true, entries, headHash, null, null);
  }

  static AuditVerification broken(long entries, String headHash, long id, String problem) {
    return new AuditVerification(false, entries, headHash, id, problem);
  }

  /** One line for people and CI logs. */
  public String describe() {
    return intact
        ? "audit log intact: " + entries + " entries, head " + headHash
        : "audit log broken at entry " + firstBrokenId + ": " + problem;
  }
}
