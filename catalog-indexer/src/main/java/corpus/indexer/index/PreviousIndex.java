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
import org.apache.lucene.util.BytesRef;

/**
 * What an existing catalog holds, read from doc values and commit data before an incremental
 * update: for every table its content hash, the hash of what other inputs add to it (docs, usage,
 * lineage), the input file it came from and the fingerprint of its raw record in that file; and
 * for every input file the fingerprint it had (kept in the commit's user data, so a changed file
 * never requires touching the documents of its unchanged tables).
 */
final class PreviousIndex {

  /** Commit user-data key holding the fingerprint of every input file, as tab-separated lines. */
  static final String ORIGINS_KEY = "corpus.origins";

  /**
   * The recorded state of one table; {@code record} is the fingerprint of its raw record as the
   * source read it (null when the source gives none or the table's dataset came from a source).
   */
  record TableState(String contentHash, String extrasHash, String origin, String record) {

    /** The compact form stored in the {@code state} doc values of a table document. */
    String encode() {
      return contentHash + "\t" + extrasHash + "\t" + nullToEmpty(record) + "\t" + nullToEmpty(origin);
    }

    static TableState decode(String s) {
      return decode(s, Map.of());
    }

    /**
     * As {@link #decode(String)}, taking the origin from {@code origins} when it is there already:
     * thousands of tables come from one file, and their states then share its path.
     */
    static TableState decode(String s, Map<String, String> origins) {
      int a = s.indexOf('\t');
      int b = a < 0 ? -1 : s.indexOf('\t', a + 1);
      int c = b < 0 ? -1 : s.indexOf('\t', b + 1);
      if (b < 0) { // not written by this version: no record, no origin
        return new TableState(a < 0 ? s : s.substring(0, a), a < 0 ? "" : s.substring(a + 1), null, null);
      }
      String origin = c < 0 ? null : emptyToNull(s.substring(c + 1));
      if (origin != null) {
        String known = origins.get(origin);
        origin = known != null ? known : origin;
      }
      return new TableState(s.substring(0, a), s.substring(a + 1, b), origin,
          emptyToNull(s.substring(b + 1, c < 0 ? s.length() : c)));
    }

    private static String nullToEmpty(String s) {
      return s == null ? "" : s;
    }

    private static String emptyToNull(String s) {
      return s.isEmpty() ? null : s;
    }
  }

  static final PreviousIndex EMPTY = new PreviousIndex(Map.of(), Map.of());

  private final Map<String, TableState> tables;
  private final Map<String, List<String>> tablesByOrigin = new HashMap<>();
  private final Map<String, String> originFingerprints;
  /** Table id by raw-record fingerprint, by origin. */
  private final Map<String, Map<String, String>> byRecord = new HashMap<>();

  private PreviousIndex(Map<String, TableState> tables, Map<String, String> originFingerprints) {
    this.tables = tables;
    this.originFingerprints = originFingerprints;
    tables.forEach((id, state) -> {
      if (state.origin() != null) {
        tablesByOrigin.computeIfAbsent(state.origin(), k -> new ArrayList<>()).add(id);
        if (state.record() != null) {
          byRecord.computeIfAbsent(state.origin(), k -> new HashMap<>()).put(state.record(), id);
        }
      }
    });
  }

  /** Input-file fingerprints in the form {@link #ORIGINS_KEY} holds them. */
  static String encodeOrigins(Map<String, String> fingerprints) {
    StringBuilder out = new StringBuilder();
    fingerprints.forEach((origin, fp) -> out.append(fp).append('\t').append(origin).append('\n'));
    return out.toString();
  }

  private static Map<String, String> decodeOrigins(String encoded) {
    Map<String, String> out = new HashMap<>();
    if (encoded != null) {
      for (String line : encoded.split("\n")) {
        int tab = line.indexOf('\t');
        if (tab > 0) {
          out.put(line.substring(tab + 1), line.substring(0, tab));
        }
      }
    }
    return out;
  }

  /** Reads the state of every table in the catalog, and the input-file fingerprints of its last commit. */
  static PreviousIndex read(DirectoryReader reader, Map<String, String> commitData) throws IOException {
    Map<String, String> origins = decodeOrigins(commitData.get(ORIGINS_KEY));
    Map<String, String> paths = new HashMap<>();
    origins.keySet().forEach(o -> paths.put(o, o));
    Map<String, TableState> tables = new HashMap<>(Math.max(16, reader.numDocs() * 4 / 3));
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
        BytesRef state = states.binaryValue();
        tables.put(id, TableState.decode(new String(state.bytes, state.offset, state.length, StandardCharsets.UTF_8),
            paths));
      }
    }
    return new PreviousIndex(tables, origins);
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

  /** The table read last time from exactly this record of {@code origin}, or null. */
  String tableOfRecord(String origin, String record) {
    Map<String, String> records = origin == null ? null : byRecord.get(origin);
    return records == null ? null : records.get(record);
  }
}
