package corpus.indexer.source.sample;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Generates Soundwave's listeners and stages them in {@code _gen}: one user per person 1..5000,
 * their account versions as SCD2 rows without gaps (e-mail changes, moves, plan changes, and a
 * final {@code is_deleted} version for erased accounts) and their devices.
 */
final class AudienceStage {

  static final LocalDate AS_OF = LocalDate.of(2025, 1, 1);
  private static final List<String> TIERS = List.of("free", "premium", "family", "student");

  private final SplittableRandom random;
  private final PersonFactory factory;
  private final List<Person> people;

  /** What the rest of the generation needs to know about a user. */
  record User(int uidx, String userId, LocalDate signup, String tier, LocalDate deletedOn, String email) {}

  AudienceStage(long seed, List<Person> people) {
    this.random = new SplittableRandom(seed);
    this.factory = new PersonFactory(new SplittableRandom(seed + 1));
    this.people = people;
  }

  List<User> stage(StagingWriter staging) throws SQLException {
    List<User> users = new ArrayList<>();
    try (StagingWriter.Table u = staging.open("users", """
            uidx INTEGER, user_id VARCHAR, pid INTEGER, signup_date DATE, signup_ip VARCHAR,
            country VARCHAR, tier VARCHAR, ndev INTEGER, deleted_on DATE""");
        StagingWriter.Table v = staging.open("user_versions", """
            uidx INTEGER, version_no INTEGER, valid_from DATE, valid_to DATE, is_current BOOLEAN,
            is_deleted BOOLEAN, email VARCHAR, email_verified BOOLEAN, email_opt_in BOOLEAN,
            first_name VARCHAR, last_name VARCHAR, display_name VARCHAR, birth_date DATE,
            gender VARCHAR, phone VARCHAR, street VARCHAR, postcode VARCHAR, city VARCHAR,
            country VARCHAR, language VARCHAR, tier VARCHAR, push_opt_in BOOLEAN, sms_opt_in BOOLEAN,
            consent_updated_at TIMESTAMP, deletion_reason VARCHAR, change_reason VARCHAR""");
        StagingWriter.Table d = staging.open("devices", """
            uidx INTEGER, k INTEGER, device_id VARCHAR, advertising_id VARCHAR, push_token VARCHAR,
            platform VARCHAR, device_model VARCHAR, os_version VARCHAR, app_version VARCHAR,
            first_seen_at TIMESTAMP, last_seen_at TIMESTAMP, last_ip VARCHAR""")) {
      for (int uidx = 1; uidx <= PeopleStage.USERS; uidx++) {
        Person p = people.get(uidx - 1);
        LocalDate signup = LocalDate.of(2016, 1, 1).plusDays((long) (3270 * Math.sqrt(random.nextDouble())));
        boolean deleted = random.nextInt(1000) < 25 && signup.isBefore(LocalDate.of(2024, 9, 1));
        LocalDate deletedOn = deleted ? date(signup.plusDays(60), LocalDate.of(2024, 12, 20)) : null;
        String userId = String.format(Locale.ROOT, "u%08d", 10_000_000 + uidx * 7919 % 9_000_000);
        int ndev = 1 + random.nextInt(3);
        String tier = versions(v, uidx, p, signup, deletedOn);
        u.row(uidx, userId, p.pid(), signup, random.nextBoolean() ? p.ipv4() : p.ipv6(), p.country(),
            tier, ndev, deletedOn);
        devices(d, uidx, ndev, signup, deletedOn, p);
        users.add(new User(uidx, userId, signup, tier, deletedOn, p.email()));
      }
    }
    return users;
  }

  private LocalDate date(LocalDate from, LocalDate to) {
    long days = to.toEpochDay() - from.toEpochDay();
    return from.plusDays(days <= 0 ? 0 : random.nextLong(days));
  }

  /** Writes the account's versions and returns the tier of the last one. */
  private String versions(StagingWriter.Table v, int uidx, Person p, LocalDate signup, LocalDate deletedOn)
      throws SQLException {
    List<LocalDate> changes = new ArrayList<>();
    int n = random.nextInt(100) < 35 ? 1 + random.nextInt(3) : 0;
    LocalDate end = deletedOn == null ? LocalDate.of(2024, 12, 30) : deletedOn.minusDays(1);
    for (int i = 0; i < n; i++) {
      LocalDate c = date(signup.plusDays(1), end);
      if (c.isAfter(signup) && c.isBefore(end) && !changes.contains(c)) {
        changes.add(c);
      }
    }
    changes.sort(null);
    String email = p.email();
    String street = p.street();
    String postcode = p.postcode();
    String city = p.city();
    String tier = random.nextInt(100) < 70 ? "free" : TIERS.get(1 + random.nextInt(3));
    boolean optIn = random.nextInt(100) < 40;
    boolean push = random.nextInt(100) < 65;
    boolean sms = random.nextInt(100) < 10;
    boolean verified = random.nextInt(100) < 85;
    String display = p.firstName() + " " + p.lastName().charAt(0) + ".";
    String reason = "signup";
    LocalDate from = signup;
    int version = 1;
    for (LocalDate change : changes) {
      write(v, uidx, version++, from, change, false, false, email, verified, optIn, p, display, street,
          postcode, city, tier, push, sms, null, reason);
      from = change;
      switch (random.nextInt(4)) {
        case 0 -> {
          Person other = factory.create(p.pid(), p.country());
          email = other.email();
          verified = random.nextInt(100) < 70;
          reason = "email changed";
        }
        case 1 -> {
          Person moved = factory.create(p.pid(), p.country());
          street = moved.street();
          postcode = moved.postcode();
          city = moved.city();
          reason = "address changed";
        }
        case 2 -> {
          tier = tier.equals("free") ? TIERS.get(1 + random.nextInt(3)) : "free";
          reason = "plan changed";
        }
        default -> {
          optIn = !optIn;
          push = random.nextBoolean();
          reason = "consent changed";
        }
      }
    }
    if (deletedOn != null) {
      write(v, uidx, version++, from, deletedOn, false, false, email, verified, optIn, p, display, street,
          postcode, city, tier, push, sms, null, reason);
      String why = random.nextInt(100) < 80 ? "erasure request (GDPR Art. 17)" : "account closed by user";
      v.row(uidx, version, deletedOn, CatalogStage.FAR_FUTURE, true, true, null, null, false, null, null,
          null, null, null, null, null, null, null, p.country(), null, null, false, false,
          deletedOn.atTime(9, 30), why, "account deleted");
    } else {
      write(v, uidx, version, from, CatalogStage.FAR_FUTURE, true, false, email, verified, optIn, p,
          display, street, postcode, city, tier, push, sms, null, reason);
    }
    return tier;
  }

  private void write(StagingWriter.Table v, int uidx, int version, LocalDate from, LocalDate to,
      boolean current, boolean deleted, String email, boolean verified, boolean optIn, Person p,
      String display, String street, String postcode, String city, String tier, boolean push,
      boolean sms, String deletionReason, String reason) throws SQLException {
    v.row(uidx, version, from, to, current, deleted, email, verified, optIn, p.firstName(), p.lastName(),
        display, p.birthDate(), p.gender(), p.phone().e164(), street, postcode, city, p.country(),
        p.language(), tier, push, sms, from.atTime(8 + uidx % 12, uidx % 60), deletionReason, reason);
  }

  private void devices(StagingWriter.Table d, int uidx, int ndev, LocalDate signup, LocalDate deletedOn,
      Person p) throws SQLException {
    LocalDate last = deletedOn == null ? LocalDate.of(2024, 12, 31) : deletedOn;
    for (int k = 0; k < ndev; k++) {
      int kind = random.nextInt(10);
      String platform = kind < 4 ? "ios" : kind < 8 ? "android" : kind < 9 ? "web" : "desktop";
      String deviceId = switch (platform) {
        case "ios", "desktop" -> factory.uuid();
        case "android" -> factory.hexToken(16);
        default -> "web-" + factory.hexToken(20);
      };
      boolean mobile = platform.equals("ios") || platform.equals("android");
      String adId = !mobile ? null
          : random.nextInt(100) < 6 ? "00000000-0000-0000-0000-000000000000" : factory.uuid();
      String model = switch (platform) {
        case "ios" -> List.of("iPhone 15", "iPhone 14 Pro", "iPhone 13", "iPhone SE (3rd gen)", "iPad Air").get(random.nextInt(5));
        case "android" -> List.of("Pixel 8", "Galaxy S23", "Galaxy A54", "Redmi Note 12", "OnePlus 11").get(random.nextInt(5));
        case "web" -> List.of("Chrome 131 on Windows", "Firefox 133 on Linux", "Safari 18 on macOS").get(random.nextInt(3));
        default -> List.of("Soundwave Desktop for macOS", "Soundwave Desktop for Windows").get(random.nextInt(2));
      };
      String os = switch (platform) {
        case "ios" -> "iOS 18." + random.nextInt(3);
        case "android" -> "Android " + (12 + random.nextInt(4));
        case "web" -> "web";
        default -> random.nextBoolean() ? "macOS 15." + random.nextInt(2) : "Windows 11";
      };
      LocalDateTime first = date(signup, last).atTime(random.nextInt(24), random.nextInt(60));
      LocalDateTime seen = date(first.toLocalDate(), last).atTime(random.nextInt(24), random.nextInt(60));
      d.row(uidx, k, deviceId, adId, mobile ? factory.hexToken(64) : null, platform, model, os,
          "8." + (7 + random.nextInt(3)) + "." + random.nextInt(10), first, seen.isBefore(first) ? first : seen,
          random.nextInt(100) < 70 ? factory.ipv4() : factory.ipv6());
    }
  }
}
