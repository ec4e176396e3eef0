package corpus.indexer.index;

import corpus.indexer.model.TableUsage;
import java.util.List;

/**
 * What the catalog knows about a table beyond its own metadata, gathered across sources: usage,
 * the text of design docs that mention it, and the tables it reads from and feeds (lineage).
 */
record TableExtras(TableUsage usage, String docText, List<String> upstream, List<String> downstream) {

  static final TableExtras NONE = new TableExtras(null, null, List.of(), List.of());

  TableExtras {
    upstream = upstream == null ? List.of() : List.copyOf(upstream);
    downstream = downstream == null ? List.of() : List.copyOf(downstream);
  }
}
