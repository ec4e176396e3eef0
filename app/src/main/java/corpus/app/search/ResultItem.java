package corpus.app.search;

import corpus.app.Place;
import java.util.List;

/**
 * One result card: {@code title} is the table id (or a document's title), {@code kind} the badge
 * naming what it is (table, view, doc, dataset), {@code snippet} a description or matching text,
 * {@code matchedFields} the paths of the table's fields that matched, {@code badges} extra flags
 * such as published or partitioned, and {@code place} where opening the card goes (null: nowhere).
 */
public record ResultItem(
    String id,
    String title,
    String kind,
    String snippet,
    List<String> matchedFields,
    List<String> badges,
    Place place) {

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

  public boolean canOpen() {
    return place != null;
  }
}
