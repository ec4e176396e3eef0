package corpus.app.search;

import corpus.app.Place;
import corpus.indexer.model.TableId;
import corpus.indexer.search.SearchHit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns ranked hits into result cards: field hits roll up under their table's card (created at the
 * rank of the table's best hit), so a table shows once with the fields that matched.
 */
final class ResultRollup {

  private static final int MAX_FIELDS_PER_CARD = 6;

  private ResultRollup() {}

  static List<ResultItem> cards(List<SearchHit> hits) {
    Map<String, Card> cards = new LinkedHashMap<>();
    for (SearchHit hit : hits) {
      switch (hit.kind()) {
        case "table" -> cards.computeIfAbsent(hit.id(), id -> Card.table(id)).absorbTable(hit);
        case "field" -> {
          String table = hit.table() != null ? hit.table() : tableOf(hit.id());
          Card card = cards.computeIfAbsent(table, Card::table);
          card.fields.add(fieldPath(hit.id()));
          if (card.snippet == null && card.fromFieldOnly) {
            card.snippet = hit.snippet();
          }
        }
        case "doc" -> {
          String docId = docId(hit.id());
          cards.putIfAbsent("doc:" + docId, Card.of(hit, "doc", new Place.Doc(docId)));
        }
        default -> cards.putIfAbsent(hit.kind() + ":" + hit.id(), Card.of(hit, hit.kind(), null));
      }
    }
    List<ResultItem> items = new ArrayList<>(cards.size());
    cards.values().forEach(card -> items.add(card.toItem()));
    return items;
  }

  /** The document of a doc-section hit: {@code doc:a/b.md#anchor} → {@code a/b.md}. */
  static String docId(String hitId) {
    String id = hitId.startsWith("doc:") ? hitId.substring(4) : hitId;
    int hash = id.indexOf('#');
    return hash < 0 ? id : id.substring(0, hash);
  }

  private static String tableOf(String fieldId) {
    int colon = fieldId.indexOf(':');
    return colon < 0 ? fieldId : fieldId.substring(0, colon);
  }

  private static String fieldPath(String fieldId) {
    int colon = fieldId.indexOf(':');
    return colon < 0 ? fieldId : fieldId.substring(colon + 1);
  }

  /** A card under construction. */
  private static final class Card {
    final String id;
    String title;
    String kind;
    String snippet;
    boolean fromFieldOnly = true;
    final Set<String> fields = new LinkedHashSet<>();
    final Set<String> badges = new LinkedHashSet<>();
    Place place;

    private Card(String id) {
      this.id = id;
    }

    static Card table(String id) {
      Card card = new Card(id);
      card.title = id;
      card.kind = "table";
      card.place = placeOfTable(id);
      return card;
    }

    static Card of(SearchHit hit, String kind, Place place) {
      Card card = new Card(hit.id());
      card.title = hit.title() != null && !hit.title().isBlank() ? hit.title() : hit.id();
      card.kind = kind;
      card.snippet = hit.snippet();
      card.fromFieldOnly = false;
      card.badges.addAll(hit.badges());
      card.place = place;
      return card;
    }

    void absorbTable(SearchHit hit) {
      fromFieldOnly = false;
      snippet = hit.snippet();
      fields.addAll(hit.matchedFields());
      for (String badge : hit.badges()) {
        if (isKind(badge)) {
          kind = badge.replace('_', ' ');
        } else {
          badges.add(badge);
        }
      }
    }

    ResultItem toItem() {
      List<String> shown = fields.stream().limit(MAX_FIELDS_PER_CARD).toList();
      return new ResultItem(id, title, kind, snippet, shown, List.copyOf(badges), place);
    }

    private static boolean isKind(String badge) {
      return switch (badge) {
        case "view", "materialized_view", "external", "snapshot" -> true;
        default -> false;
      };
    }

    private static Place placeOfTable(String id) {
      try {
        return new Place.Table(TableId.parse(id));
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
  }
}
