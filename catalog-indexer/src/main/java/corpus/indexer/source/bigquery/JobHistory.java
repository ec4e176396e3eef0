package corpus.indexer.source.bigquery;

import corpus.indexer.model.TableUsage;
import java.util.List;

/** What a project's job history says over a window: how much each table is queried, and lineage. */
public record JobHistory(List<TableUsage> usage, List<ObservedEdge> edges) {

  public JobHistory {
    usage = List.copyOf(usage);
    edges = List.copyOf(edges);
  }
}
