package corpus.gdpr.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {

  @TempDir Path dir;
  private String url;

  @BeforeEach
  void fillLog() throws Exception {
    url = "jdbc:sqlite:" + dir.resolve("audit.db");
    try (Connection c = DriverManager.getConnection(url)) {
      AuditLog log = new AuditLog(c);
      for (int i = 1; i <= 5; i++) {
        log.append(new AuditEntry(0, "2026-11-22T10:00:0" + i + "Z", "alice", "CONFIRM", "p.d.t", "f" + i,
            "suggested", "confirmed", "email", "email", "reason " + i, null, null));
      }
    }
  }

  private AuditVerification verify() throws Exception {
    try (Connection c = DriverManager.getConnection(url)) {
      return new AuditLog(c).verify();
    }
  }

  private void tamper(String... sql) throws Exception {
    try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
      st.execute("DROP TRIGGER gdpr_audit_no_update");
      st.execute("DROP TRIGGER gdpr_audit_no_delete");
      for (String s : sql) {
        st.execute(s);
      }
    }
  }

  @Test
  void intactChainVerifies() throws Exception {
    AuditVerification v = verify();
    assertThat(v.intact()).isTrue();
    assertThat(v.entries()).isEqualTo(5);
    assertThat(v.describe()).startsWith("audit log intact: 5 entries");
  }

  @Test
  void triggersRefuseUpdatesAndDeletes() throws Exception {
    try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
      assertThatThrownBy(() -> st.execute("UPDATE gdpr_audit SET actor = 'mallory' WHERE id = 3"))
          .hasMessageContaining("append-only");
      assertThatThrownBy(() -> st.execute("DELETE FROM gdpr_audit WHERE id = 3")).hasMessageContaining("append-only");
    }
  }

  @Test
  void editedRowIsPinpointedEvenWithTriggersDropped() throws Exception {
    tamper("UPDATE gdpr_audit SET actor = 'mallory' WHERE id = 3");
    AuditVerification v = verify();
    assertThat(v.intact()).isFalse();
    assertThat(v.firstBrokenId()).isEqualTo(3);
    assertThat(v.problem()).contains("edited");
  }

  @Test
  void rowEditedWithARecomputedHashBreaksTheNextLink() throws Exception {
    tamper("UPDATE gdpr_audit SET to_category = 'not_personal', hash = '" + "a".repeat(64) + "' WHERE id = 2");
    AuditVerification v = verify();
    assertThat(v.firstBrokenId()).isEqualTo(2);
    // even a forger who recomputes entry 2's hash correctly is caught at entry 3
    try (Connection c = DriverManager.getConnection(url)) {
      AuditEntry e2 = new AuditLog(c).entries().get(1);
      tamper("UPDATE gdpr_audit SET hash = '" + e2.computeHash() + "' WHERE id = 2");
    }
    AuditVerification again = verify();
    assertThat(again.firstBrokenId()).isEqualTo(3);
    assertThat(again.problem()).contains("prev_hash");
  }

  @Test
  void deletedRowIsDetected() throws Exception {
    tamper("DELETE FROM gdpr_audit WHERE id = 4");
    AuditVerification v = verify();
    assertThat(v.firstBrokenId()).isEqualTo(5);
    assertThat(v.problem()).contains("expected entry 4");
  }

  @Test
  void canonicalFormIsUnambiguous() {
    AuditEntry a = new AuditEntry(1, "t", "a", "X", "p.d.t", "f", null, null, null, null, "x\n1:y", null, null);
    AuditEntry b = new AuditEntry(1, "t", "a", "X", "p.d.t", "f", null, null, null, null, "x", null, null);
    assertThat(a.chainedTo(AuditEntry.GENESIS).hash()).isNotEqualTo(b.chainedTo(AuditEntry.GENESIS).hash());
  }
}
