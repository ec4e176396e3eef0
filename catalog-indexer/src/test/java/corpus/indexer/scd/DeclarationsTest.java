package corpus.indexer.scd;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeclarationsTest {

  @Test
  void readsKeysWhateverTheirCase() {
    assertThat(Declarations.entityKey("One row per version. Entity KEY: `track_id`, Territory and plan."))
        .containsExactly("track_id", "territory", "plan");
    assertThat(Declarations.entityKey("Business_Key is creator_id")).containsExactly("creator_id");
    assertThat(Declarations.entityKey("One row per version of a track")).isEmpty();
    assertThat(Declarations.mentionsKey("Part of the NATURAL KEY.")).isTrue();
    assertThat(Declarations.mentionsKey("Natural key: a")).isFalse(); // a declaration, not a mention
    assertThat(Declarations.mentionsKey("The keystone id")).isFalse();
  }

  @Test
  void readsGapPoliciesWhateverTheirCase() {
    assertThat(Declarations.gaps("History has no GAPS allowed.")).contains(GapPolicy.NOT_ALLOWED);
    assertThat(Declarations.gaps("Versions follow each other WITHOUT holes")).contains(GapPolicy.NOT_ALLOWED);
    assertThat(Declarations.gaps("Gaps are expected between contracts")).contains(GapPolicy.ALLOWED);
    assertThat(Declarations.gaps("One row per version")).isEmpty();
  }

  @Test
  void findsAWordInAnyCaseAnywhere() {
    assertThat(Declarations.containsIgnoreCase("KEY", "key")).isTrue();
    assertThat(Declarations.containsIgnoreCase("the monKeY", "key")).isTrue();
    assertThat(Declarations.containsIgnoreCase("ke", "key")).isFalse();
    assertThat(Declarations.containsIgnoreCase("", "key")).isFalse();
  }
}
