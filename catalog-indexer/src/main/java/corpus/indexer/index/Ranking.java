package corpus.indexer.index;

import corpus.indexer.model.Dataset;
import corpus.indexer.model.Table;
import corpus.indexer.model.TableTraits;
import corpus.indexer.model.TableUsage;

/**
 * The small multiplicative ranking factors of a table: tie-breakers, never a way for a popular
 * table to beat a better match. Unused, undocumented raw tables get exactly 1.0.
 */
public final class Ranking {

  /** Published (tiered) datasets are curated: prefer them. */
  static final double PUBLISHED = 0.25;
  /** Up to this much for a fully described table. */
  static final double DOCUMENTED = 0.15;
  /** Up to this much for the most used tables (1,000+ queries in the window). */
  static final double POPULAR = 0.15;

  private Ranking() {}

  /** The factor, between 1.0 and about 1.6. */
  public static double boost(Table table, Dataset dataset, TableUsage usage) {
    double factor = 1.0;
    if (TableTraits.isPublished(table, dataset)) {
      factor *= 1 + PUBLISHED;
    }
    double documented = table.description() == null ? 0 : 0.3 + 0.7 * TableTraits.documentedShare(table);
    factor *= 1 + DOCUMENTED * documented;
    if (usage != null && usage.queryCount() > 0) {
      double popularity = Math.min(1.0, Math.log10(1 + usage.queryCount()) / 3.0);
      factor *= 1 + POPULAR * popularity;
    }
    return factor;
  }
}
