package corpus.gdpr.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClassifierTest {

  private final Classifier classifier = Classifier.withDefaults();

  @ParameterizedTest(name = "{0}.{1} {2} -> {3}")
  @CsvSource(delimiter = '|', textBlock = """
      p.crm.customers     | email                 | STRING    | email
      p.crm.customers     | e_mail                | STRING    | email
      p.crm.customers     | emailAddress          | STRING    | email
      p.crm.kunden        | e_mail_adresse        | STRING    | email
      p.crm.clients       | courriel              | STRING    | email
      p.crm.clientes      | correo_electronico    | STRING    | email
      p.crm.customers     | phone_number          | STRING    | phone
      p.crm.kunden        | telefon               | STRING    | phone
      p.crm.clients       | téléphone             | STRING    | phone
      p.crm.clientes      | teléfono              | STRING    | phone
      p.crm.kunden        | geburtsdatum          | DATE      | birth_date
      p.crm.clients       | date_de_naissance     | DATE      | birth_date
      p.crm.clientes      | fecha_nacimiento      | DATE      | birth_date
      p.crm.customers     | date_of_birth         | DATE      | birth_date
      p.crm.kunden        | vorname               | STRING    | person_name
      p.crm.kunden        | nachname              | STRING    | person_name
      p.crm.clients       | prenom                | STRING    | person_name
      p.crm.clients       | nom                   | STRING    | person_name
      p.crm.clientes      | nombre                | STRING    | person_name
      p.crm.clientes      | apellido              | STRING    | person_name
      p.crm.customers     | firstName             | STRING    | person_name
      p.crm.customers     | name                  | STRING    | person_name
      p.shop.orders       | customer_name         | STRING    | person_name
      p.crm.kunden        | adresse               | STRING    | postal_address
      p.crm.clientes      | dirección             | STRING    | postal_address
      p.crm.customers     | street                | STRING    | postal_address
      p.crm.kunden        | plz                   | STRING    | postcode
      p.crm.clients       | code_postal           | STRING    | postcode
      p.crm.clientes      | codigo_postal         | STRING    | postcode
      p.crm.customers     | zip_code              | STRING    | postcode
      p.web.sessions      | ip_address            | STRING    | ip_address
      p.web.sessions      | client_ip             | STRING    | ip_address
      p.events.plays      | user_id               | INT64     | user_id
      p.events.plays      | listener_key          | INT64     | user_id
      p.crm.users         | id                    | INT64     | user_id
      p.events.plays      | device_id             | STRING    | device_id
      p.web.hits          | cookie_id             | STRING    | cookie_id
      p.events.plays      | email_sha256          | STRING    | hashed_id
      p.events.plays      | hashed_user_id        | STRING    | hashed_id
      p.crm.customers     | gender                | STRING    | gender
      p.crm.customers     | age                   | INT64     | age
      p.hr.employees      | ethnicity             | STRING    | ethnic_origin
      p.hr.employees      | religion              | STRING    | religion
      p.hr.employees      | has_disability        | BOOL      | health
      p.hr.employees      | trade_union_member    | BOOL      | trade_union
      p.hr.employees      | criminal_record       | STRING    | criminal_offence
      p.pay.accounts      | iban                  | STRING    | iban
      p.pay.cards         | card_number           | STRING    | card_number
      p.app.users         | latitude              | FLOAT64   | precise_location
      p.support.tickets   | comment               | STRING    | free_text
      p.crm.customers     | ssn                   | STRING    | national_id
      p.crm.customers     | billing.address.street| STRING    | postal_address
      """)
  void suggestsCategoryFromNameAlone(String table, String field, String type, String expected) {
    Suggestion s = classifier.classify(FieldContext.of(table, field, type));
    assertThat(s.category()).as(String.join("\n", s.evidence())).isEqualTo(expected);
    assertThat(s.confidence()).isGreaterThanOrEqualTo(0.5);
  }

  @ParameterizedTest(name = "{0}.{1} {2} is not personal")
  @CsvSource(delimiter = '|', textBlock = """
      p.crm.customers     | email_opt_in          | BOOL
      p.crm.customers     | email_verified        | BOOL
      p.crm.customers     | email_verified_at     | TIMESTAMP
      p.crm.customers     | n_emails              | INT64
      p.crm.customers     | phone_count           | INT64
      p.crm.customers     | has_phone             | BOOL
      p.web.sessions      | ip_country            | STRING
      p.crm.customers     | email_domain          | STRING
      p.music.tracks      | release_year          | INT64
      p.music.albums      | year                  | INT64
      p.music.tracks      | track_name            | STRING
      p.music.artists     | name                  | STRING
      p.shop.products     | product_name          | STRING
      p.music.tracks      | track_id              | STRING
      p.events.plays      | played_at             | TIMESTAMP
      p.events.plays      | duration_ms           | INT64
      p.crm.customers     | signup_date           | DATE
      p.crm.customers     | country               | STRING
      p.crm.customers     | account_age_days      | INT64
      p.music.tracks      | age_rating            | STRING
      p.web.hits          | user_agent_os         | STRING
      p.files.assets      | file_md5              | STRING
      p.app.screens       | screen_orientation    | STRING
      p.ops.services      | health_check_url      | STRING
      p.web.pages         | web_address           | STRING
      p.crm.customers     | number_of_orders      | INT64
      p.crm.customers     | nombre_de_commandes   | INT64
      p.crm.customers     | email_template_id     | STRING
      p.crm.customers     | phone_country_code    | STRING
      p.pay.cards         | card_expiry_year      | INT64
      p.pay.cards         | card_brand            | STRING
      p.events.plays      | event_name            | STRING
      p.etl.jobs          | error_message         | STRING
      """)
  void doesNotFlagDecoys(String table, String field, String type) {
    Suggestion s = classifier.classify(FieldContext.of(table, field, type));
    assertThat(s.category()).as(String.join("\n", s.evidence())).isEqualTo("not_personal");
  }

  @Test
  void explainsEveryNumberInTheEvidence() {
    Suggestion s = classifier.classify(FieldContext.of("p.crm.users", "name", "STRING"));
    assertThat(s.category()).isEqualTo("person_name");
    // noisy-or of the bare weak term (0.35) and the users table context (0.35)
    assertThat(s.confidence()).isEqualTo(1 - 0.65 * 0.65, org.assertj.core.data.Offset.offset(0.001));
    assertThat(s.evidence()).anySatisfy(e -> assertThat(e).contains("table 'users' is about people"));
  }

  @Test
  void descriptionDecidesForAnOpaqueName() {
    FieldContext f = FieldContext.of("p.crm.contacts", "attr_7", "STRING")
        .withDescription("E-mail address of the contact person");
    assertThat(classifier.classify(f).category()).isEqualTo("email");
  }

  @Test
  void descriptionThatNamesAnOriginDoesNotMakeTheFieldPersonal() {
    FieldContext f = FieldContext.of("p.web.sessions", "geo_bucket", "STRING")
        .withDescription("Country derived from the user's IP address");
    assertThat(classifier.classify(f).category()).isEqualTo("not_personal");
  }

  @Test
  void sampledValuesProveAnEmailColumnWithAnOpaqueName() {
    List<String> values = List.of("anna.schmidt@example.de", "j.dupont@example.fr", "maria@example.es",
        "x@example.com", "bob.smith@example.co.uk", "carla@example.it", "d@example.org");
    Suggestion s = classifier.classify(FieldContext.of("p.crm.x", "c3", "STRING"), values);
    assertThat(s.category()).isEqualTo("email");
    assertThat(s.evidence()).anySatisfy(e -> assertThat(e).contains("7 of 7 sampled values"));
    assertThat(String.join(" ", s.evidence())).doesNotContain("anna.schmidt");
  }

  @Test
  void valuesThatAreNotEmailsContradictTheName() {
    List<String> values = java.util.stream.IntStream.range(0, 20).mapToObj(i -> "campaign-" + i).toList();
    Suggestion s = classifier.classify(FieldContext.of("p.crm.customers", "email", "STRING"), values);
    assertThat(s.category()).isEqualTo("not_personal");
    assertThat(s.evidence()).anySatisfy(e -> assertThat(e).contains("only 0 of 20"));
  }

  @Test
  void aYearColumnIsNeverACardNumber() {
    List<String> years = java.util.stream.IntStream.range(1990, 2020).mapToObj(Integer::toString).toList();
    Suggestion s = classifier.classify(FieldContext.of("p.music.tracks", "release_year", "INT64"), years);
    assertThat(s.category()).isEqualTo("not_personal");
  }

  @Test
  void freeTextWithEmbeddedContactDetailsIsFlagged() {
    List<String> notes = List.of(
        "Customer called, please reply to anna.schmidt@example.de today",
        "Wants a refund for the last invoice, very unhappy",
        "Asked to be called back on +49 30 901820 tomorrow",
        "Changed plan to family, no further action needed",
        "Complained about the app crashing on startup again");
    Suggestion s = classifier.classify(FieldContext.of("p.support.tickets", "body_txt", "STRING"), notes);
    assertThat(s.category()).isEqualTo("free_text");
    assertThat(String.join(" ", s.evidence())).contains("2 of 5").doesNotContain("anna").doesNotContain("901820");
  }

  @Test
  void identifiersInsideARecordDoNotMakeTheTablesOwnIdPersonal() {
    List<String> fields = List.of("id", "subject", "requester", "requester.name", "requester.email",
        "requester.phone");
    Suggestion ticketId = classifier.classify(FieldContext.of("p.raw_support.zendesk_tickets", "id", "INT64")
        .withSiblings(fields));
    assertThat(ticketId.category()).as("%s", ticketId.evidence()).isEqualTo("not_personal");

    List<String> flat = List.of("id", "email", "phone");
    Suggestion contactId = classifier.classify(FieldContext.of("p.raw_support.contacts_export", "id", "INT64")
        .withSiblings(flat));
    assertThat(contactId.category()).as("identifiers beside it still make a bare id personal").isEqualTo("user_id");
  }

  @Test
  void masksExamplesForDisplay() {
    assertThat(classifier.maskedExample("email", "john.doe@example.com")).isEqualTo("j***@e***.com");
    assertThat(classifier.maskedExample("phone", "+49 151 23456712")).isEqualTo("+49 *** *** 12");
    assertThat(classifier.maskedExample("person_name", "Anna Schmidt")).isEqualTo("A*** S***");
    assertThat(classifier.maskedExample("ip_address", "192.168.1.20")).isEqualTo("192.*.*.*");
    assertThat(classifier.maskedExample("card_number", "4111 1111 1111 1111")).isEqualTo("**** **** **** **11");
  }
}
