package corpus.indexer.search;

import corpus.indexer.index.IndexFields;
import java.io.IOException;
import java.util.Map;
import java.util.WeakHashMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * Maps a document to the result it rolls up to, per index segment: a field document to its table's
 * document (the table document heads the block of its fields, as the indexer adds them together),
 * any other document to itself. The table documents of a segment are read once from the postings
 * and kept while the segment lives.
 *
 * <pre>{@code
 * TableBlocks.Leaf blocks = tableBlocks.leaf(leafReader);
 * int result = blocks.result(doc); // call with increasing doc ids
 * }</pre>
 */
final class TableBlocks {

  private final Map<IndexReader.CacheKey, FixedBitSet> tables = new WeakHashMap<>();
  private final Map<IndexReader.CacheKey, FixedBitSet> heads = new WeakHashMap<>();

  /** The mapping for one segment; not thread-safe (doc values are read forwards). */
  Leaf leaf(LeafReader reader) throws IOException {
    return new Leaf(tableDocs(reader), DocValues.getSorted(reader, IndexFields.KIND_DV));
  }

  private FixedBitSet tableDocs(LeafReader reader) throws IOException {
    IndexReader.CacheHelper helper = reader.getCoreCacheHelper();
    if (helper == null) {
      return readTableDocs(reader);
    }
    synchronized (tables) {
      FixedBitSet bits = tables.get(helper.getKey());
      if (bits == null) {
        bits = readTableDocs(reader);
        tables.put(helper.getKey(), bits);
      }
      return bits;
    }
  }

  /**
   * The documents of a segment that are not fields' (tables, datasets, docs, pipelines): the field
   * documents of a table are the ones between its document and the next document set here.
   */
  FixedBitSet headDocs(LeafReader reader) throws IOException {
    IndexReader.CacheHelper helper = reader.getCoreCacheHelper();
    if (helper == null) {
      return readHeadDocs(reader);
    }
    synchronized (heads) {
      FixedBitSet bits = heads.get(helper.getKey());
      if (bits == null) {
        bits = readHeadDocs(reader);
        heads.put(helper.getKey(), bits);
      }
      return bits;
    }
  }

  private static FixedBitSet readHeadDocs(LeafReader reader) throws IOException {
    int maxDoc = reader.maxDoc();
    FixedBitSet bits = new FixedBitSet(Math.max(1, maxDoc));
    PostingsEnum postings = reader.postings(new Term(IndexFields.KIND, "field"), PostingsEnum.NONE);
    if (postings != null) {
      for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
        bits.set(doc);
      }
    }
    bits.flip(0, maxDoc);
    return bits;
  }

  private static FixedBitSet readTableDocs(LeafReader reader) throws IOException {
    FixedBitSet bits = new FixedBitSet(Math.max(1, reader.maxDoc()));
    PostingsEnum postings = reader.postings(new Term(IndexFields.KIND, "table"), PostingsEnum.NONE);
    if (postings != null) {
      for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
        bits.set(doc);
      }
    }
    return bits;
  }

  /** One segment's documents and the results they roll up to. */
  static final class Leaf {
    private final FixedBitSet tableDocs;
    private final SortedDocValues kinds;
    private final int fieldOrd;

    Leaf(FixedBitSet tableDocs, SortedDocValues kinds) throws IOException {
      this.tableDocs = tableDocs;
      this.kinds = kinds;
      this.fieldOrd = kinds.lookupTerm(new BytesRef("field"));
    }

    /** Whether the document is a field's. Call with increasing doc ids. */
    boolean isField(int doc) throws IOException {
      return fieldOrd >= 0 && kinds.advanceExact(doc) && kinds.ordValue() == fieldOrd;
    }

    /** The table document heading a field document's block (-1 if none), given {@link #isField}. */
    int tableOf(int fieldDoc) {
      return fieldDoc > 0 ? tableDocs.prevSetBit(fieldDoc - 1) : -1;
    }

    /** The document of the result {@code doc} rolls up to: its table for a field, else itself. */
    int result(int doc) throws IOException {
      return isField(doc) ? tableOf(doc) : doc;
    }
  }
}
