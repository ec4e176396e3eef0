package corpus.indexer.source.sample;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Generates the customer-care side of the sample and stages it in {@code _gen}: support agents
 * and tickets whose free text carries e-mail addresses, phone numbers, names and sometimes an
 * IBAN, the way real tickets do.
 */
final class SupportStage {

  static final int TICKETS = 1800;
  private static final List<String> TEAMS = List.of("billing", "accounts", "technical", "rights");
  private static final List<String> SITES = List.of("Berlin", "Dublin", "Stockholm");

  /** A ticket story: subject, the customer's first message, the agent's reply, a follow-up. */
  private record Story(String subject, String body, String reply, String followUp, String team, String tags) {}

  private static final List<Story> EN = List.of(
      new Story("Charged twice this month",
          "Hi, I was charged twice for my {plan} plan this month. Please refund one payment. You can reach me at {email} or call {phone}. Thanks, {first}",
          "Hi {first}, sorry about that. I have refunded the duplicate charge; it will show on your statement within 5 working days.",
          "Thanks! Please use this account for the refund: {iban}.", "billing", "billing,refund"),
      new Story("Cannot log in",
          "I can't log in since yesterday, the app says my password is wrong. My account e-mail is {email}.",
          "Hi {first}, I have sent a password reset link to the address on your account.",
          "Still not working, please call me on {phone_national}.", "accounts", "login"),
      new Story("Change my e-mail address",
          "Please change the e-mail on my account from {email} to {email2}. Regards, {name}",
          "Done, your account now uses the new address. You will get a confirmation shortly.",
          null, "accounts", "account_change"),
      new Story("Delete my account",
          "I want my account and all my data deleted under GDPR. Account: {email}, phone {phone}.",
          "Hi {first}, we have started the erasure of your account. It completes within 30 days.",
          null, "accounts", "gdpr,erasure"),
      new Story("App crashes on startup",
          "The app crashes every time I open it on my phone since the last update. Already reinstalled.",
          "Thanks for reporting. Version 8.9.2 fixes this crash; please update from the store.",
          "Works again, thanks.", "technical", "crash,android"),
      new Story("Offline downloads disappeared",
          "All my downloaded playlists are gone after the update. I travel a lot, please fix. {first}",
          "Hi {first}, downloads are removed when the device has been offline for more than 30 days. Please connect and download again.",
          null, "technical", "offline"),
      new Story("Wrong artist on album",
          "The album '{album}' shows the wrong artist on the cover page.",
          "Thanks, we passed this to the content team.", null, "rights", "metadata"),
      new Story("Family plan invitation not received",
          "I invited my daughter to our Family plan but she never got the invite. Her e-mail is {email2}. My number is {phone}.",
          "Hi {first}, I have re-sent the invitation. Please check the spam folder too.",
          null, "accounts", "family_plan"),
      new Story("Hearing aid streaming",
          "Music cuts out when I stream to my hearing aids over Bluetooth. Can someone call me at {phone}?",
          "Hi {first}, please switch on mono audio in Settings > Accessibility, that usually helps with hearing aids.",
          "That helped, thank you!", "technical", "accessibility,bluetooth"),
      new Story("Student discount verification",
          "My student verification failed although I am enrolled. Student e-mail: {email2}",
          "Hi {first}, please upload your enrolment certificate in the app; we verify it within 2 days.",
          null, "billing", "student"));

  private static final List<Story> DE = List.of(
      new Story("Doppelte Abbuchung",
          "Hallo, mir wurde das {plan}-Abo diesen Monat zweimal abgebucht. Bitte erstatten Sie einen Betrag auf {iban}. Erreichbar unter {phone_national}. Viele Grüße {name}",
          "Hallo {first}, die doppelte Abbuchung wurde erstattet.", null, "billing", "billing,refund"),
      new Story("Login geht nicht",
          "Ich komme nicht mehr in mein Konto. Meine E-Mail ist {email}. Bitte rufen Sie mich an: {phone}.",
          "Hallo {first}, wir haben Ihnen einen Link zum Zurücksetzen geschickt.", null, "accounts", "login"),
      new Story("Konto löschen",
          "Bitte löschen Sie mein Konto und alle Daten (DSGVO). Konto: {email}",
          "Hallo {first}, die Löschung ist eingeleitet und innerhalb von 30 Tagen abgeschlossen.",
          null, "accounts", "gdpr,erasure"));

  private final SplittableRandom random;
  private final PersonFactory factory;
  private final List<Person> people;
  private final List<AudienceStage.User> users;

  SupportStage(long seed, List<Person> people, List<AudienceStage.User> users) {
    this.random = new SplittableRandom(seed);
    this.factory = new PersonFactory(new SplittableRandom(seed + 1));
    this.people = people;
    this.users = users;
  }

  void stage(StagingWriter staging) throws SQLException {
    try (StagingWriter.Table t = staging.open("agents", """
        agent_idx INTEGER, agent_id VARCHAR, pid INTEGER, team VARCHAR, site VARCHAR,
        languages VARCHAR, hired_on DATE""")) {
      for (int a = 1; a <= 40; a++) {
        int pid = PeopleStage.AGENT_PEOPLE_FROM + a - 1;
        String site = SITES.get(a % 3);
        String languages = switch (site) {
          case "Berlin" -> "de,en";
          case "Dublin" -> "en";
          default -> "sv,en";
        };
        t.row(a, "ag_" + (100 + a), pid, TEAMS.get(a % 4), site, languages,
            LocalDate.of(2017, 3, 1).plusDays(random.nextInt(2600)));
      }
    }
    try (StagingWriter.Table t = staging.open("tickets", """
        ticket_idx INTEGER, ticket_id VARCHAR, zendesk_id BIGINT, uidx INTEGER, created_at TIMESTAMP,
        channel VARCHAR, language VARCHAR, subject VARCHAR, body VARCHAR, reply VARCHAR,
        follow_up VARCHAR, requester_name VARCHAR, requester_email VARCHAR, requester_phone VARCHAR,
        agent_idx INTEGER, team VARCHAR, status VARCHAR, priority VARCHAR, csat INTEGER, tags VARCHAR,
        has_attachment BOOLEAN""")) {
      for (int k = 1; k <= TICKETS; k++) {
        ticket(t, k);
      }
    }
  }

  private void ticket(StagingWriter.Table t, int k) throws SQLException {
    boolean guest = random.nextInt(100) < 8;
    AudienceStage.User user = guest ? null : users.get(random.nextInt(users.size()));
    Person p = guest ? factory.create(0, factory.marketCountry()) : people.get(user.uidx() - 1);
    boolean german = p.country().equals("DE") && random.nextInt(100) < 60;
    Story s = german ? DE.get(random.nextInt(DE.size())) : EN.get(random.nextInt(EN.size()));
    Person other = factory.create(0, p.country());
    String iban = p.iban() != null ? p.iban() : other.iban() != null ? other.iban() : "DE89370400440532013000";
    String plan = user == null ? "Premium" : switch (user.tier()) {
      case "family" -> "Family";
      case "student" -> "Student";
      default -> "Premium";
    };
    java.util.function.UnaryOperator<String> fill = text -> text == null ? null : text
        .replace("{email2}", other.email())
        .replace("{email}", p.email())
        .replace("{phone_national}", p.phone().national())
        .replace("{phone}", random.nextBoolean() ? p.phone().international() : p.phone().national())
        .replace("{first}", p.firstName())
        .replace("{name}", p.fullName())
        .replace("{iban}", spaced(iban))
        .replace("{plan}", plan)
        .replace("{album}", "Songs from the Harbour");
    LocalDateTime created = LocalDate.of(2023, 1, 2).plusDays((long) (729 * Math.sqrt(random.nextDouble())))
        .atTime(7 + random.nextInt(15), random.nextInt(60), random.nextInt(60));
    String channel = List.of("email", "chat", "app_form", "phone").get(random.nextInt(4));
    boolean open = created.toLocalDate().isAfter(LocalDate.of(2024, 12, 20)) && random.nextBoolean();
    Integer csat = open || random.nextInt(100) < 45 ? null : 1 + random.nextInt(5);
    int agent = 1 + random.nextInt(40);
    t.row(k, String.format(Locale.ROOT, "TCK-%06d", 100_000 + k), 4_000_000L + k * 13L,
        user == null ? null : user.uidx(), created, channel, german ? "de" : "en", s.subject(),
        fill.apply(s.body()), fill.apply(s.reply()), fill.apply(s.followUp()), p.fullName(), p.email(),
        random.nextInt(100) < 55 ? p.phone().e164() : null, agent, s.team(),
        open ? "open" : random.nextInt(100) < 5 ? "pending" : "solved",
        List.of("low", "normal", "normal", "high", "urgent").get(random.nextInt(5)), csat, s.tags(),
        random.nextInt(100) < 12);
  }

  private static String spaced(String iban) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < iban.length(); i += 4) {
      if (i > 0) {
        b.append(' ');
      }
      b.append(iban, i, Math.min(iban.length(), i + 4));
    }
    return b.toString();
  }
}
