package corpus.indexer.source.sample;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates the pool of synthetic people the sample draws on and stages it as {@code
 * _gen.people}: listeners (pid 1..5000), creators' legal persons, support agents, payees and
 * songwriters.
 */
final class PeopleStage {

  static final int USERS = 5000;
  static final int CREATOR_PEOPLE_FROM = 5001;
  static final int AGENT_PEOPLE_FROM = 5301;
  static final int PAYEE_PEOPLE_FROM = 5341;
  static final int SONGWRITERS_FROM = 5501;
  static final int PEOPLE = 6000;

  private PeopleStage() {}

  static List<Person> generate(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    PersonFactory factory = new PersonFactory(random);
    List<Person> people = new ArrayList<>(PEOPLE);
    String[] agentCountries = {"DE", "IE", "SE"};
    for (int pid = 1; pid <= PEOPLE; pid++) {
      String country = pid >= AGENT_PEOPLE_FROM && pid < PAYEE_PEOPLE_FROM
          ? agentCountries[pid % 3]
          : factory.marketCountry();
      people.add(factory.create(pid, country));
    }
    return people;
  }

  static void stage(StagingWriter staging, List<Person> people) throws SQLException {
    try (StagingWriter.Table t = staging.open("people", """
        pid INTEGER, first_name VARCHAR, last_name VARCHAR, full_name VARCHAR, gender VARCHAR,
        birth_date DATE, country VARCHAR, language VARCHAR, city VARCHAR, street VARCHAR,
        postcode VARCHAR, email VARCHAR, phone_e164 VARCHAR, phone_intl VARCHAR,
        phone_national VARCHAR, iban VARCHAR, bic VARCHAR, bank_name VARCHAR, ipv4 VARCHAR,
        ipv6 VARCHAR, advertising_id VARCHAR, android_id VARCHAR, card_number VARCHAR,
        card_brand VARCHAR""")) {
      for (Person p : people) {
        t.row(p.pid(), p.firstName(), p.lastName(), p.fullName(), p.gender(), p.birthDate(),
            p.country(), p.language(), p.city(), p.street(), p.postcode(), p.email(),
            p.phone().e164(), p.phone().international(), p.phone().national(), p.iban(), p.bic(),
            p.bankName(), p.ipv4(), p.ipv6(), p.advertisingId(), p.androidId(), p.cardNumber(),
            p.cardBrand());
      }
    }
  }
}
