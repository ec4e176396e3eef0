package corpus.indexer.index;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;

/**
 * What an existing catalog holds, read from doc values before an incremental update: for every
 * table its content hash, the hash of what other inputs add to it (docs, usage, lineage), and the
 * input file it came from with that file's fingerprint.
 */
final class PreviousIndex {

  /** The recorded state of one table. */
  record TableState(String contentHash, String extrasHash, String origin, String originFingerprint) {

    /** The compact form stored in the {@code state} doc values of a table document. */
    String encode() {
      return contentHash + "\t" + extrasHash + "\t" + nullToEmpty(originFingerprint) + "\t" + nullToEmpty(origin);
    }

    static TableState decode(String s) {
      String[] p = s.split("\t", 4);
      return new TableState(p[0], p[1], emptyToNull(p.length > 3 ? p[3] : ""), emptyToNull(p.length > 2 ? p[2] : ""));
    }

    private static String nullToEmpty(String s) {
      return s == null ? "" : s;
    }

    private static String emptyToNull(String s) {
      return s.isEmpty() ? null : s;
    }
  }

  static final PreviousIndex EMPTY = new PreviousIndex(Map.of());

  private final Map<String, TableState> tables;
  private final Map<String, List<String>> tablesByOrigin = new HashMap<>();
  private final Map<String, String> originFingerprints = new HashMap<>();

  private PreviousIndex(Map<String, TableState> tables) {
    this.tables = tables;
    tables.forEach((id, state) -> {
      if (state.origin() != null) {
        tablesByOrigin.computeIfAbsent(state.origin(), k -> new ArrayList<>()).add(id);
        originFingerprints.put(state.origin(), state.originFingerprint());
      }
    });
  }

  /** Reads the state of every table in the catalog. */
  static PreviousIndex read(DirectoryReader reader) throws IOException {
    Map<String, TableState> tables = new HashMap<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      PostingsEnum docs = leaf.reader().postings(new Term(IndexFields.KIND, "table"));
      BinaryDocValues ids = leaf.reader().getBinaryDocValues(IndexFields.ID_DV);
      BinaryDocValues states = leaf.reader().getBinaryDocValues(IndexFields.STATE_DV);
      if (docs == null || ids == null || states == null) {
        continue;
      }
      Bits live = leaf.reader().getLiveDocs();
      for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
        if ((live != null && !live.get(doc)) || !ids.advanceExact(doc) || !states.advanceExact(doc)) {
          continue;
        }
        String id = ids.binaryValue().utf8ToString();
        tables.put(id, TableState.decode(new String(states.binaryValue().bytes, states.binaryValue().offset,
            states.binaryValue().length, StandardCharsets.UTF_8)));
      }
    }
    return new PreviousIndex(tables);
  }

  TableState table(String id) {
    return tables.get(id);
  }

  Iterable<String> tableIds() {
    return tables.keySet();
  }

  /** The tables read from {@code origin} last time, when the file is unchanged; otherwise null. */
  List<String> unchangedTables(String origin, String fingerprint) {
    if (fingerprint == null || !fingerprint.equals(originFingerprints.get(origin))) {
      return null;
    }
    return tablesByOrigin.getOrDefault(origin, List.of());
  }
}
