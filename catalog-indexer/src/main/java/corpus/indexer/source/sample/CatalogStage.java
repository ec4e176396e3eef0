package corpus.indexer.source.sample;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Generates the music side of the sample and stages it in {@code _gen}: rightsholders, creators,
 * albums, tracks with their SCD2 versions (a title change on track 42, a takedown gap on track
 * 77) and per-territory rights versions (with the planted inconsistencies of track 123 and 321),
 * and the payees' bank accounts.
 */
final class CatalogStage {

  static final int TRACKS = 2400;
  static final int CREATORS = 300;
  static final int LABELS = 40;
  static final int PUBLISHERS = 50;
  static final int DISTRIBUTORS = 30;
  static final LocalDate FAR_FUTURE = LocalDate.of(2060, 1, 1);
  static final List<String> GENRES = List.of(
      "pop", "rock", "hip_hop", "electronic", "indie", "jazz", "classical", "folk", "rnb", "metal",
      "latin", "ambient", "soul", "country", "reggae");
  /** Track whose title was corrected (SCD2 title change). */
  static final int TITLE_CHANGE_TRACK = 42;
  /** Track taken down and re-released: a gap between two versions. */
  static final int GAP_TRACK = 77;
  /** Track whose DE master rights have two overlapping current versions. */
  static final int TWO_CURRENT_TRACK = 123;
  /** Track whose FR publishing rights have overlapping versions. */
  static final int OVERLAP_TRACK = 321;

  private final SplittableRandom random;
  private final Names names;
  private final PersonFactory factory;
  private final List<Person> people;

  private record Rightsholder(int ridx, String name, String kind, String country) {}

  private record Track(int tidx, int cidx, LocalDate release, int labelRidx) {}

  CatalogStage(long seed, List<Person> people) {
    this.random = new SplittableRandom(seed);
    this.names = new Names(random);
    this.factory = new PersonFactory(new SplittableRandom(seed + 1));
    this.people = people;
  }

  void stage(StagingWriter staging) throws SQLException {
    List<Rightsholder> holders = rightsholders(staging);
    int[] creatorLabels = creators(staging);
    List<Track> tracks = albumsAndTracks(staging, creatorLabels);
    rights(staging, tracks);
    payees(staging, holders);
  }

  private LocalDate date(LocalDate from, LocalDate to) {
    long days = to.toEpochDay() - from.toEpochDay();
    return from.plusDays(days <= 0 ? 0 : random.nextLong(days));
  }

  private List<Rightsholder> rightsholders(StagingWriter staging) throws SQLException {
    List<Rightsholder> out = new ArrayList<>();
    try (StagingWriter.Table t = staging.open("rightsholders", """
        ridx INTEGER, rightsholder_id VARCHAR, name VARCHAR, kind VARCHAR, country VARCHAR,
        vat_id VARCHAR, parent_ridx INTEGER, payout_currency VARCHAR, created_on DATE""")) {
      for (int ridx = 1; ridx <= LABELS + PUBLISHERS + DISTRIBUTORS; ridx++) {
        String kind = ridx <= LABELS ? "label" : ridx <= LABELS + PUBLISHERS ? "publisher" : "distributor";
        String name = switch (kind) {
          case "label" -> names.labelName();
          case "publisher" -> names.publisherName();
          default -> names.distributorName();
        };
        String country = factory.marketCountry();
        Integer parent = kind.equals("label") && ridx % 7 == 0 ? LABELS + PUBLISHERS + 1 + ridx % DISTRIBUTORS : null;
        String currency = switch (country) {
          case "GB" -> "GBP";
          case "SE" -> "SEK";
          case "PL" -> "PLN";
          case "US" -> "USD";
          default -> "EUR";
        };
        t.row(ridx, String.format(Locale.ROOT, "rh_%04d", ridx), name, kind, country, vatId(country),
            parent, currency, date(LocalDate.of(2010, 1, 1), LocalDate.of(2022, 12, 31)));
        out.add(new Rightsholder(ridx, name, kind, country));
      }
    }
    return out;
  }

  private String vatId(String country) {
    String n = String.format(Locale.ROOT, "%09d", random.nextInt(1_000_000_000));
    return switch (country) {
      case "US" -> n.substring(0, 2) + "-" + n.substring(2) ;
      case "NL" -> "NL" + n + "B01";
      case "FR" -> "FR" + String.format(Locale.ROOT, "%02d", random.nextInt(100)) + n;
      case "GB" -> "GB" + n;
      default -> country + n;
    };
  }

  private int[] creators(StagingWriter staging) throws SQLException {
    int[] labels = new int[CREATORS + 1];
    try (StagingWriter.Table t = staging.open("creators", """
        cidx INTEGER, creator_id VARCHAR, stage_name VARCHAR, pid INTEGER, country VARCHAR,
        primary_genre VARCHAR, genres VARCHAR, label_ridx INTEGER, joined_on DATE,
        is_verified BOOLEAN, phone_verified BOOLEAN""")) {
      for (int cidx = 1; cidx <= CREATORS; cidx++) {
        int pid = PeopleStage.CREATOR_PEOPLE_FROM + cidx - 1;
        String primary = GENRES.get(random.nextInt(GENRES.size()));
        String second = GENRES.get(random.nextInt(GENRES.size()));
        labels[cidx] = 1 + random.nextInt(LABELS);
        t.row(cidx, String.format(Locale.ROOT, "cr_%05d", cidx), names.stageName(), pid,
            people.get(pid - 1).country(), primary, second.equals(primary) ? primary : primary + "," + second,
            labels[cidx], date(LocalDate.of(2012, 1, 1), LocalDate.of(2024, 10, 1)),
            random.nextInt(100) < 70, random.nextInt(100) < 60);
      }
    }
    return labels;
  }

  private List<Track> albumsAndTracks(StagingWriter staging, int[] creatorLabels) throws SQLException {
    List<Track> tracks = new ArrayList<>(TRACKS);
    int[] ranks = permutation(TRACKS);
    try (StagingWriter.Table albums = staging.open("albums", """
            aidx INTEGER, album_id VARCHAR, upc VARCHAR, title VARCHAR, album_type VARCHAR,
            cidx INTEGER, release_date DATE, total_tracks INTEGER, label_ridx INTEGER""");
        StagingWriter.Table trackRows = staging.open("tracks", """
            tidx INTEGER, track_id VARCHAR, isrc VARCHAR, cidx INTEGER, aidx INTEGER,
            track_number INTEGER, language VARCHAR, duration_ms BIGINT, release_date DATE,
            popularity_rank INTEGER""");
        StagingWriter.Table versions = staging.open("track_versions", """
            tidx INTEGER, version_no INTEGER, valid_from DATE, valid_to DATE, title VARCHAR,
            version_title VARCHAR, genre VARCHAR, is_explicit BOOLEAN, change_reason VARCHAR,
            delivery_id VARCHAR, delivered_at TIMESTAMP""")) {
      int aidx = 0;
      int cidx = 0;
      while (tracks.size() < TRACKS) {
        aidx++;
        cidx = cidx % CREATORS + 1;
        int kind = random.nextInt(10);
        int size = kind < 3 ? 1 : kind < 6 ? 4 + random.nextInt(3) : 8 + random.nextInt(5);
        size = Math.min(size, TRACKS - tracks.size());
        String type = size == 1 ? "single" : size <= 6 ? "ep" : "album";
        LocalDate release = random.nextInt(100) < 90
            ? date(LocalDate.of(2012, 1, 1), LocalDate.of(2023, 12, 31))
            : date(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 11, 30));
        String creatorCountry = people.get(PeopleStage.CREATOR_PEOPLE_FROM + cidx - 2).country();
        albums.row(aidx, String.format(Locale.ROOT, "al_%05d", aidx), upc(), names.albumTitle(), type,
            cidx, release, size, creatorLabels[cidx]);
        String genre = GENRES.get(random.nextInt(GENRES.size()));
        for (int n = 1; n <= size; n++) {
          int tidx = tracks.size() + 1;
          if (tidx == GAP_TRACK || tidx == TWO_CURRENT_TRACK || tidx == OVERLAP_TRACK || tidx == TITLE_CHANGE_TRACK) {
            release = release.isAfter(LocalDate.of(2022, 12, 31)) ? LocalDate.of(2021, 9, 17) : release;
          }
          String isrc = (creatorCountry.equals("GB") ? "GB" : creatorCountry)
              + String.format(Locale.ROOT, "S%02d", creatorLabels[cidx]) + String.format(Locale.ROOT, "%02d", release.getYear() % 100)
              + String.format(Locale.ROOT, "%05d", tidx);
          String language = genre.equals("ambient") || genre.equals("classical") ? "zxx"
              : random.nextInt(100) < 60 ? "en" : people.get(PeopleStage.CREATOR_PEOPLE_FROM + cidx - 2).language();
          trackRows.row(tidx, String.format(Locale.ROOT, "tr_%06d", tidx), isrc, cidx, aidx, n, language,
              (long) (95_000 + random.nextInt(240_000)), release, ranks[tidx - 1]);
          trackVersions(versions, tidx, release, genre);
          tracks.add(new Track(tidx, cidx, release, creatorLabels[cidx]));
        }
      }
    }
    return tracks;
  }

  private void trackVersions(StagingWriter.Table versions, int tidx, LocalDate release, String genre)
      throws SQLException {
    String title = switch (tidx) {
      case TITLE_CHANGE_TRACK -> "Midnight Harbor";
      case 5 -> Names.PERSON_NAME_TITLES.get(0);
      case 250 -> Names.PERSON_NAME_TITLES.get(1);
      case 777 -> Names.PERSON_NAME_TITLES.get(2);
      case 1500 -> Names.PERSON_NAME_TITLES.get(3);
      case 2222 -> Names.PERSON_NAME_TITLES.get(4);
      default -> names.trackTitle();
    };
    boolean explicit = random.nextInt(100) < 12;
    LocalDate change = null;
    String reason = null;
    String newTitle = title;
    String newVersionTitle = null;
    String newGenre = genre;
    boolean newExplicit = explicit;
    LocalDate reissue = null;
    if (tidx == TITLE_CHANGE_TRACK) {
      change = LocalDate.of(2024, 2, 12);
      reason = "title corrected";
      newTitle = "Midnight Harbour";
    } else if (tidx == GAP_TRACK) {
      change = LocalDate.of(2023, 5, 1);
      reissue = LocalDate.of(2023, 8, 15);
      reason = "re-released after rights dispute";
    } else if (random.nextInt(100) < 12 && release.isBefore(LocalDate.of(2024, 10, 1))) {
      change = date(release.plusDays(20), LocalDate.of(2024, 12, 15));
      switch (random.nextInt(4)) {
        case 0 -> {
          reason = "genre reclassified";
          newGenre = GENRES.get(random.nextInt(GENRES.size()));
        }
        case 1 -> {
          reason = "explicit flag corrected";
          newExplicit = !explicit;
        }
        case 2 -> {
          reason = "remaster delivered";
          newVersionTitle = "Remastered " + change.getYear();
        }
        default -> {
          reason = "title corrected";
          newTitle = title.endsWith("s") ? title.substring(0, title.length() - 1) : title + "s";
        }
      }
    }
    LocalDate firstEnd = change == null ? FAR_FUTURE : change;
    versions.row(tidx, 1, release, firstEnd, title, null, genre, explicit, "initial delivery",
        deliveryId(release), release.minusDays(14).atTime(3, 12 + tidx % 40));
    if (change != null) {
      LocalDate from = reissue == null ? change : reissue;
      versions.row(tidx, 2, from, FAR_FUTURE, newTitle, newVersionTitle, newGenre, newExplicit, reason,
          deliveryId(from), from.minusDays(1).atTime(22, tidx % 60));
    }
  }

  private String deliveryId(LocalDate date) {
    return String.format(Locale.ROOT, "DLV-%d%02d%02d-%05d", date.getYear(), date.getMonthValue(),
        date.getDayOfMonth(), random.nextInt(100_000));
  }

  private String upc() {
    StringBuilder b = new StringBuilder("19");
    for (int i = 0; i < 9; i++) {
      b.append(random.nextInt(10));
    }
    int sum = 0;
    for (int i = 0; i < 11; i++) {
      sum += (b.charAt(i) - '0') * (i % 2 == 0 ? 3 : 1);
    }
    return b.append((10 - sum % 10) % 10).toString();
  }

  private int[] permutation(int n) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i + 1;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int tmp = a[i];
      a[i] = a[j];
      a[j] = tmp;
    }
    return a;
  }

  private void rights(StagingWriter staging, List<Track> tracks) throws SQLException {
    List<String> territories = CountryProfile.codes();
    try (StagingWriter.Table t = staging.open("rights", """
        tidx INTEGER, territory VARCHAR, rights_type VARCHAR, version_no INTEGER, ridx INTEGER,
        royalty_share DOUBLE, valid_from DATE, valid_to DATE, is_current BOOLEAN,
        agreement_id VARCHAR, signed_on DATE, source_feed VARCHAR""")) {
      for (Track track : tracks) {
        int publisher = LABELS + 1 + random.nextInt(PUBLISHERS);
        int usDistributor = random.nextInt(100) < 15 ? LABELS + PUBLISHERS + 1 + random.nextInt(DISTRIBUTORS) : 0;
        boolean acquired = random.nextInt(100) < 8 && track.tidx != TWO_CURRENT_TRACK && track.tidx != OVERLAP_TRACK;
        LocalDate acquiredOn = acquired ? date(track.release.plusDays(60), LocalDate.of(2024, 12, 1)) : null;
        int newLabel = 1 + random.nextInt(LABELS);
        String agreement = agreementId(track.release);
        for (String territory : territories) {
          int master = territory.equals("US") && usDistributor > 0 ? usDistributor : track.labelRidx;
          double masterShare = 0.50 + (master % 6) / 100.0;
          if (acquiredOn != null && !acquiredOn.isAfter(track.release)) {
            acquiredOn = null;
          }
          if (acquiredOn != null) {
            t.row(track.tidx, territory, "master", 1, master, masterShare, track.release, acquiredOn, false,
                agreement, track.release.minusDays(30), feed(track.release));
            t.row(track.tidx, territory, "master", 2, newLabel, 0.50 + (newLabel % 6) / 100.0, acquiredOn,
                FAR_FUTURE, true, agreementId(acquiredOn), acquiredOn.minusDays(21), feed(acquiredOn));
          } else {
            t.row(track.tidx, territory, "master", 1, master, masterShare, track.release, FAR_FUTURE, true,
                agreement, track.release.minusDays(30), feed(track.release));
          }
          if (track.tidx == TWO_CURRENT_TRACK && territory.equals("DE")) {
            LocalDate from = LocalDate.of(2024, 3, 1);
            t.row(track.tidx, territory, "master", 2, newLabel, 0.50, from, FAR_FUTURE, true,
                agreementId(from), from.minusDays(10), feed(from));
          }
          if (track.tidx == OVERLAP_TRACK && territory.equals("FR")) {
            t.row(track.tidx, territory, "publishing", 1, publisher, 0.15, track.release,
                LocalDate.of(2024, 6, 1), false, agreement, track.release.minusDays(30), feed(track.release));
            LocalDate from = LocalDate.of(2024, 4, 15);
            t.row(track.tidx, territory, "publishing", 2, LABELS + 1 + (publisher % PUBLISHERS), 0.15, from,
                FAR_FUTURE, true, agreementId(from), from.minusDays(10), feed(from));
          } else {
            t.row(track.tidx, territory, "publishing", 1, publisher, 0.15, track.release, FAR_FUTURE, true,
                agreement, track.release.minusDays(30), feed(track.release));
          }
        }
      }
    }
  }

  private String agreementId(LocalDate date) {
    return String.format(Locale.ROOT, "AGR-%d-%05d", date.getYear(), random.nextInt(100_000));
  }

  private static String feed(LocalDate date) {
    return String.format(Locale.ROOT, "rights_feed_%d%02d%02d.csv", date.getYear(), date.getMonthValue(),
        date.getDayOfMonth());
  }

  private void payees(StagingWriter staging, List<Rightsholder> holders) throws SQLException {
    try (StagingWriter.Table t = staging.open("payees", """
        payee_id VARCHAR, ridx INTEGER, holder_name VARCHAR, holder_is_person BOOLEAN,
        iban VARCHAR, bic VARCHAR, bank_name VARCHAR, bank_country VARCHAR, contact_email VARCHAR,
        verified_at TIMESTAMP, is_primary BOOLEAN""")) {
      int n = 0;
      for (Rightsholder h : holders) {
        int accounts = random.nextInt(100) < 20 ? 2 : 1;
        for (int a = 0; a < accounts; a++) {
          n++;
          Person p = people.get(PeopleStage.PAYEE_PEOPLE_FROM - 1 + (n % 160));
          boolean person = !h.kind.equals("distributor") && h.ridx % 5 < 3;
          String bankCountry = h.country.equals("US") ? "US" : h.country;
          String iban = bankCountry.equals("US") ? null : factory.iban(bankCountry);
          String email = person ? p.email()
              : "royalties@" + PersonFactory.ascii(h.name) + ".example.com";
          LocalDateTime verified = date(LocalDate.of(2019, 1, 1), LocalDate.of(2024, 12, 1)).atTime(10, n % 60);
          t.row(String.format(Locale.ROOT, "py_%05d", n), h.ridx, person ? p.fullName() : h.name, person,
              iban, p.bic().substring(0, 4) + bankCountry + p.bic().substring(6), "Bank of " + p.city(),
              bankCountry, email, verified, a == 0);
        }
      }
    }
  }
}
