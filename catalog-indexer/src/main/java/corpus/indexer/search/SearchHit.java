package corpus.indexer.search;

import java.util.List;

/**
 * One ranked result. {@code kind} is table, field, doc, pipeline or dataset; {@code id} is
 * {@code project.dataset.table} for tables, {@code project.dataset.table:field.path} for fields;
 * {@code table} is the owning table of a field hit (null otherwise). {@code matchedFields} lists,
 * for a table hit, the paths of its best matching fields.
 */
public record SearchHit(
    String kind,
    String id,
    String table,
    double score,
    String snippet,
    String title,
    List<String> matchedFields,
    List<String> badges) {

  public SearchHit {
    matchedFields = matchedFields == null ? List.of() : List.copyOf(matchedFields);
    badges = badges == null ? List.of() : List.copyOf(badges);
  }
}
