package corpus.gdpr.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * Raises the prior of whatever a field's own metadata suggests when the table is about people:
 * its name ({@code users}, {@code dim_customer}), its dataset ({@code crm}), its description ("one
 * row per listener") or its other fields (two or more direct identifiers such as {@code email}
 * and {@code phone} beside the field, in the same record). Only the strongest context counts, once.
 *
 * <p>Identifiers inside a record describe the entity the record names, not the rows of the table:
 * {@code requester.email} and {@code requester.phone} say that a ticket has a requester, not that
 * the ticket's own {@code id} identifies a person.
 */
public final class TableContextDetector {

  /** Table name about people. */
  public static final double TABLE_NAME = 0.35;
  /** Sibling fields that are direct identifiers. */
  public static final double SIBLINGS = 0.3;
  /** Dataset name or table description about people. */
  public static final double DATASET_OR_DESCRIPTION = 0.25;

  static final String DETECTOR = "context";

  private final Lexicon lexicon;
  private final NameDetector names;

  public TableContextDetector(Lexicon lexicon, NameDetector names) {
    this.lexicon = lexicon;
    this.names = names;
  }

  /** The strongest context signal for {@code field}, or none. */
  public List<Signal> detect(FieldContext field) {
    String word = subjectWord(field.tableName());
    if (word != null) {
      return List.of(Signal.context(DETECTOR, TABLE_NAME,
          "table '" + field.tableName() + "' is about people ('" + word + "')"));
    }
    List<String> identifiers = new ArrayList<>();
    for (String sibling : field.siblingFieldNames()) {
      if (!sibling.equals(field.fieldPath()) && parent(sibling).equals(parent(field.fieldPath()))
          && names.namesDirectIdentifier(sibling)) {
        identifiers.add(sibling);
      }
    }
    if (identifiers.size() >= 2) {
      return List.of(Signal.context(DETECTOR, SIBLINGS,
          "the table also holds " + String.join(", ", identifiers.subList(0, Math.min(3, identifiers.size())))
              + ": it describes people"));
    }
    word = subjectWord(field.datasetName());
    if (word != null) {
      return List.of(Signal.context(DETECTOR, DATASET_OR_DESCRIPTION,
          "dataset '" + field.datasetName() + "' is about people ('" + word + "')"));
    }
    word = subjectWord(field.tableDescription());
    if (word != null) {
      return List.of(Signal.context(DETECTOR, DATASET_OR_DESCRIPTION,
          "the table description is about people ('" + word + "')"));
    }
    return List.of();
  }

  private static String parent(String path) {
    int dot = path.lastIndexOf('.');
    return dot < 0 ? "" : path.substring(0, dot);
  }

  private String subjectWord(String text) {
    for (String t : NameTokens.of(text)) {
      if (lexicon.subjectTableWords().contains(t)) {
        return t;
      }
    }
    return null;
  }
}
