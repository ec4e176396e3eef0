package corpus.gdpr.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaxonomyTest {

  @Test
  void bundledTaxonomyHasEveryCategoryTheIssueLists() {
    Taxonomy t = Taxonomy.defaults();
    assertThat(t.version()).isEqualTo("2026.1");
    assertThat(t.categories()).extracting(Category::id).containsExactly(
        "person_name", "email", "phone", "postal_address", "national_id", "ip_address", "precise_location",
        "user_id", "device_id", "cookie_id", "hashed_id", "birth_date", "age", "gender", "postcode", "health",
        "ethnic_origin", "religion", "political_opinion", "sexual_orientation", "biometric", "genetic",
        "trade_union", "criminal_offence", "iban", "card_number", "free_text", "not_personal");
    for (Category c : t.categories()) {
      assertThat(c.legalReference()).as(c.id()).contains("Art.");
      assertThat(c.policyTag().isEmpty()).as(c.id()).isEqualTo(!c.isPersonal());
    }
    assertThat(t.require("health").group()).isEqualTo(CategoryGroup.SPECIAL_CATEGORY);
    assertThat(t.require("health").sensitivity()).isEqualTo(Sensitivity.VERY_HIGH);
    assertThat(t.require("hashed_id").group()).isEqualTo(CategoryGroup.PSEUDONYMOUS);
    assertThat(t.require("email").acceptsType("BOOLEAN")).isFalse();
  }

  @Test
  void overlayAddsAndOverridesCategories(@TempDir Path dir) throws Exception {
    Path extra = dir.resolve("acme.json");
    Files.writeString(extra, """
        {"version": "acme-3", "categories": [
          {"id": "loyalty_card", "group": "direct_identifier", "label": "Loyalty card number",
           "legalReference": "Art. 4(1) GDPR", "sensitivity": "medium", "policyTag": "acme_loyalty",
           "valueTypes": ["STRING"], "nameTerms": ["loyalty card", "treuekarte"]},
          {"id": "email", "policyTag": "acme_email", "addNameTerms": ["mailadr"]}
        ]}""");
    Taxonomy t = Taxonomy.defaults().withOverlay(extra);
    assertThat(t.version()).isEqualTo("2026.1+acme-3");
    assertThat(t.require("loyalty_card").policyTag()).isEqualTo("acme_loyalty");
    assertThat(t.require("email").policyTag()).isEqualTo("acme_email");
    assertThat(t.require("email").nameTerms()).contains("courriel", "mailadr");
    assertThat(t.require("email").group()).isEqualTo(CategoryGroup.DIRECT_IDENTIFIER);
  }

  @Test
  void overlayWithANewCategoryWithoutGroupIsRejected(@TempDir Path dir) throws Exception {
    Path extra = dir.resolve("bad.json");
    Files.writeString(extra, "{\"categories\": [{\"id\": \"thing\"}]}");
    assertThatThrownBy(() -> Taxonomy.defaults().withOverlay(extra)).hasMessageContaining("needs a \"group\"");
  }
}
