package corpus.indexer.search;

import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.FixedBitSet;

/**
 * A non-scoring filter that matches what a table-level query matches plus the field documents of
 * every table document it matches. Table attributes (project, dataset, owner, tier, flags) are
 * indexed once, on the table document; this query carries them to the fields, which follow their
 * table in its block (see {@link TableBlocks}).
 *
 * <pre>{@code
 * Query inDataset = new WithFields(new TermQuery(new Term(IndexFields.DATASET, "core")), tableBlocks);
 * }</pre>
 */
final class WithFields extends Query {

  private final Query tableLevel;
  private final TableBlocks blocks;

  WithFields(Query tableLevel, TableBlocks blocks) {
    this.tableLevel = Objects.requireNonNull(tableLevel);
    this.blocks = Objects.requireNonNull(blocks);
  }

  @Override
  public Query rewrite(IndexSearcher searcher) throws IOException {
    Query rewritten = tableLevel.rewrite(searcher);
    return rewritten == tableLevel ? this : new WithFields(rewritten, blocks);
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
    Weight inner = tableLevel.createWeight(searcher, ScoreMode.COMPLETE_NO_SCORES, 1f);
    return new ConstantScoreWeight(this, boost) {
      @Override
      public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
        ScorerSupplier heads = inner.scorerSupplier(context);
        if (heads == null) {
          return null;
        }
        FixedBitSet headDocs = blocks.headDocs(context.reader());
        int maxDoc = context.reader().maxDoc();
        float score = score();
        return new ScorerSupplier() {
          @Override
          public Scorer get(long leadCost) throws IOException {
            DocIdSetIterator it = new Expanding(heads.get(leadCost).iterator(), headDocs, maxDoc);
            return new ConstantScoreScorer(score, scoreMode, it);
          }

          @Override
          public long cost() {
            return Math.min(maxDoc, heads.cost() * 32);
          }
        };
      }

      @Override
      public boolean isCacheable(LeafReaderContext ctx) {
        return inner.isCacheable(ctx);
      }
    };
  }

  /** The inner matches, each table document followed by its block of field documents. */
  private static final class Expanding extends DocIdSetIterator {
    private final DocIdSetIterator inner;
    private final FixedBitSet heads;
    private final int maxDoc;
    private int doc = -1;
    /** End (exclusive) of the block being walked; every document before it and after {@code doc} matches. */
    private int blockEnd = -1;

    Expanding(DocIdSetIterator inner, FixedBitSet heads, int maxDoc) {
      this.inner = inner;
      this.heads = heads;
      this.maxDoc = maxDoc;
    }

    @Override
    public int docID() {
      return doc;
    }

    @Override
    public int nextDoc() throws IOException {
      return advance(doc + 1);
    }

    @Override
    public int advance(int target) throws IOException {
      if (target >= maxDoc) {
        return doc = NO_MORE_DOCS;
      }
      if (target < blockEnd) {
        return doc = target;
      }
      int head = heads.prevSetBit(target); // the document heading target's block
      int match = inner.docID();
      if (head >= 0 && match < head) {
        match = inner.advance(head);
      }
      if (match == head && head >= 0 && head != target) {
        blockEnd = end(head);
        if (target < blockEnd) {
          return doc = target;
        }
      }
      if (match < target) {
        match = inner.advance(target);
      }
      if (match == NO_MORE_DOCS) {
        return doc = NO_MORE_DOCS;
      }
      blockEnd = heads.get(match) ? end(match) : match + 1;
      return doc = match;
    }

    private int end(int head) {
      int next = head + 1 < maxDoc ? heads.nextSetBit(head + 1) : NO_MORE_DOCS;
      return next == NO_MORE_DOCS ? maxDoc : next;
    }

    @Override
    public long cost() {
      return Math.min(maxDoc, inner.cost() * 32);
    }
  }

  @Override
  public void visit(QueryVisitor visitor) {
    tableLevel.visit(visitor.getSubVisitor(BooleanClause.Occur.FILTER, this));
  }

  @Override
  public String toString(String field) {
    return "withFields(" + tableLevel.toString(field) + ")";
  }

  @Override
  public boolean equals(Object other) {
    return sameClassAs(other) && tableLevel.equals(((WithFields) other).tableLevel)
        && blocks == ((WithFields) other).blocks;
  }

  @Override
  public int hashCode() {
    return 31 * classHash() + tableLevel.hashCode();
  }
}
