package corpus.app.search;

import corpus.app.Place;
import java.util.List;

/**
 * One result card: {@code title} is the table id (or a document's title), {@code kind} the badge
 * naming what it is (table, view, doc, dataset), {@code snippet} a description or matching text,
 * {@code matchedFields} the paths of the table's fields that matched, {@code badges} extra flags
 * such as published or partitioned, {@code place} where opening the card goes (null: nowhere), and
 * {@code facts} the table's usage and age when a sort order needed them (null: not loaded).
 */
public record ResultItem(
    String id,
    String title,
    String kind,
    String snippet,
    List<String> matchedFields,
    List<String> badges,
    Place place,
    CardFacts facts) {

  public ResultItem {
    snippet = plain(snippet);
    matchedFields = List.copyOf(matchedFields);
    badges = List.copyOf(badges);
  }

  /** Snippet text without Markdown marks, on one line: {@code **bold**} → {@code bold}. */
  static String plain(String text) {
    if (text == null) {
      return "";
    }
    return text.replaceAll("(?m)^\\s*(?:[-*+]|#{1,6})\\s+", "")
        .replaceAll("\\*\\*|`", "")
        .replaceAll("\\s+", " ")
        .strip();
  }

  /** A card without loaded facts. */
  public ResultItem(
      String id, String title, String kind, String snippet, List<String> matchedFields,
      List<String> badges, Place place) {
    this(id, title, kind, snippet, matchedFields, badges, place, null);
  }

  public boolean canOpen() {
    return place != null;
  }

  /** Whether the card is a table or view, whose usage and age the catalog may know. */
  public boolean isTable() {
    return place instanceof Place.Table;
  }

  /** This card with the table's usage and age. */
  public ResultItem withFacts(CardFacts loaded) {
    return new ResultItem(id, title, kind, snippet, matchedFields, badges, place, loaded);
  }
}
