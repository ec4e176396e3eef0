package corpus.app.doc;

import corpus.indexer.model.TableId;
import java.util.Collection;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Which words of a document are mentions of catalog tables, and what a click on one does: a
 * mention ({@code project.dataset.table}, in text, in code or as a link) becomes a hyperlink that
 * opens the table page.
 *
 * @param tables the fully qualified ids that are links
 * @param open what a click on a mention does
 */
public record TableLinks(Set<String> tables, Consumer<TableId> open) {

  /** No mention is a link. */
  public static final TableLinks NONE = new TableLinks(Set.of(), id -> { });

  public TableLinks {
    tables = Set.copyOf(tables);
  }

  /**
   * Links for a document's raw mentions: those with project, dataset and table are links; a bare
   * {@code dataset.table} is not (it may be ambiguous, or a file name such as {@code insert.sql}).
   */
  public static TableLinks of(Collection<String> mentions, Consumer<TableId> open) {
    return new TableLinks(mentions.stream()
        .filter(m -> m.chars().filter(c -> c == '.').count() == 2 && !m.contains("*"))
        .collect(Collectors.toSet()), open);
  }

  /** The table a text names, if it is exactly one of the linked mentions. */
  boolean links(String text) {
    return tables.contains(text);
  }
}
