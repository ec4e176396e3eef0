package corpus.indexer.gdpr;

import static org.assertj.core.api.Assertions.assertThat;

import corpus.gdpr.propagate.ColumnEdge;
import corpus.gdpr.propagate.ColumnRef;
import corpus.gdpr.propagate.Derivation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LineageEdgesTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      email    | contact      | LOWER(email)
      email    | email_sha    | TO_HEX(SHA256(email))
      user_id  | uid          | user_id
      email    | n_sessions   | -
      missing  | contact      | -
      """)
  void findsTheSelectItemThatWritesTheTargetFromTheSource(String source, String target, String expected) {
    assertThat(LineageEdges.expression(GdprTestCatalog.SQL, source, target)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      p.d.t.email          | p.d.t   | email
      p-1.d.t.addr.street  | p-1.d.t | addr.street
      """)
  void splitsColumnIdsIntoTableAndFieldPath(String id, String table, String field) {
    assertThat(LineageEdges.ref(id)).isEqualTo(ColumnRef.of(table, field));
  }

  @ParameterizedTest
  @CsvSource({"email", "d.email", "t.d.email"})
  void leavesOutColumnsWithoutATable(String id) {
    assertThat(LineageEdges.ref(id)).isNull();
  }

  @org.junit.jupiter.api.Test
  void hashingTransformationsAreMarkedAndIdentityCopiesAreNot() {
    ColumnRef email = ColumnRef.of(GdprTestCatalog.USERS, "email");
    ColumnEdge hashed = LineageEdges.edge(email, ColumnRef.of(GdprTestCatalog.MART, "email_sha"),
        corpus.lineage.Derivation.TRANSFORMATION, GdprTestCatalog.SQL);
    ColumnEdge lowered = LineageEdges.edge(email, ColumnRef.of(GdprTestCatalog.MART, "contact"),
        corpus.lineage.Derivation.TRANSFORMATION, GdprTestCatalog.SQL);
    ColumnEdge copied = LineageEdges.edge(ColumnRef.of(GdprTestCatalog.USERS, "user_id"),
        ColumnRef.of(GdprTestCatalog.MART, "uid"), corpus.lineage.Derivation.IDENTITY, GdprTestCatalog.SQL);

    assertThat(hashed.hashing()).isTrue();
    assertThat(lowered.hashing()).isFalse();
    assertThat(lowered.expression()).isEqualTo("LOWER(email)");
    assertThat(copied.derivation()).isEqualTo(Derivation.IDENTITY);
  }
}
