package corpus.app.search;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Orders result cards for a {@link SortOrder}. The sort is stable: cards that tie keep their
 * relevance order, so an unused table never jumps ahead of a better match with the same usage.
 */
final class ResultSorter {

  private ResultSorter() {}

  /** The cards in the given order; {@code cards} must be in relevance order. */
  static List<ResultItem> sort(List<ResultItem> cards, SortOrder order) {
    return switch (order) {
      case RELEVANCE -> List.copyOf(cards);
      case NAME -> sorted(cards, Comparator.comparing((ResultItem c) -> c.title().toLowerCase(Locale.ROOT)));
      case POPULARITY -> sorted(cards, Comparator.comparingLong(ResultSorter::queries).reversed());
      case LAST_MODIFIED -> sorted(cards,
          Comparator.comparing(ResultSorter::modified, Comparator.nullsLast(Comparator.reverseOrder())));
    };
  }

  private static List<ResultItem> sorted(List<ResultItem> cards, Comparator<ResultItem> by) {
    return cards.stream().sorted(by).toList(); // Stream.sorted is stable for ordered streams
  }

  private static long queries(ResultItem card) {
    return card.facts() == null ? 0 : card.facts().queryCount();
  }

  private static Instant modified(ResultItem card) {
    return card.facts() == null ? null : card.facts().lastModified();
  }
}
