package corpus.indexer.index;

import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.PerFieldSimilarityWrapper;
import org.apache.lucene.search.similarities.Similarity;

/**
 * BM25 tuned per field for a catalog: table descriptions are much longer than field descriptions
 * in the same field, so length normalisation is weakened for prose ({@code b = 0.3}); names keep
 * the standard setting. Used at search time only (norms do not depend on {@code b}).
 */
public final class CatalogSimilarity extends PerFieldSimilarityWrapper {

  private final Similarity prose = new BM25Similarity(1.2f, 0.3f);
  private final Similarity names = new BM25Similarity();

  @Override
  public Similarity get(String field) {
    return switch (field) {
      case IndexFields.DESCRIPTION, IndexFields.BODY, IndexFields.DOC_TEXT -> prose;
      default -> names;
    };
  }
}
