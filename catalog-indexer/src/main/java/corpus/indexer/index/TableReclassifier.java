package corpus.indexer.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import corpus.indexer.model.CatalogJson;
import corpus.indexer.model.Dataset;
import corpus.indexer.model.Doc;
import corpus.indexer.model.DocSection;
import corpus.indexer.model.Table;
import corpus.indexer.model.TableId;
import corpus.indexer.model.TableUsage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * Rewrites the documents of a few tables of a built catalog from their stored records with the
 * classifications in force now, so a reviewer's decision shows in {@code pii:} search and the
 * "personal data" badge at once instead of after the next {@code corpus index}.
 *
 * <pre>{@code
 * TableReclassifier.rewrite(indexDir, List.of(TableId.parse("p.crm.users")), classifications);
 * catalog.refresh();   // an open LuceneCatalog sees the new commit
 * }</pre>
 *
 * <p>Everything a table's documents hold is read back from the catalog itself: the table and
 * dataset records, usage, lineage neighbours, the incremental-update state and the text of the
 * design docs that mention it. One atomic commit; blocking, call it off the UI thread.
 */
public final class TableReclassifier {

  private static final ObjectMapper JSON = CatalogJson.mapper();

  private TableReclassifier() {}

  /**
   * Rewrites {@code tables} (those the catalog does not hold are skipped) and commits.
   *
   * @return how many tables were rewritten
   * @throws IOException when the catalog cannot be read or written, e.g. while a build holds its lock
   */
  public static int rewrite(Path indexDir, Collection<TableId> tables, FieldClassifications classifications)
      throws IOException {
    if (tables.isEmpty()) {
      return 0;
    }
    if (!LuceneCatalog.exists(indexDir)) {
      throw new IOException("no catalog at " + indexDir);
    }
    try (FSDirectory dir = FSDirectory.open(indexDir);
        IndexWriter writer = open(dir, indexDir)) {
      DocumentFactory factory = new DocumentFactory(classifications);
      int rewritten = 0;
      try (DirectoryReader reader = DirectoryReader.open(writer)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        for (TableId id : new LinkedHashSet<>(tables)) {
          Document doc = rebuild(searcher, factory, id.toString());
          if (doc != null) {
            writer.updateDocument(new Term(IndexFields.TABLE, id.toString()), doc);
            rewritten++;
          }
        }
      } catch (IOException | RuntimeException e) {
        writer.rollback();
        throw e;
      }
      writer.commit();
      return rewritten;
    }
  }

  private static IndexWriter open(FSDirectory dir, Path indexDir) throws IOException {
    try {
      return new IndexWriter(dir, Indexer.writerConfig(true));
    } catch (LockObtainFailedException e) {
      throw new IOException("the catalog at " + indexDir + " is being rebuilt; its search tags will be current"
          + " once the build is done", e);
    }
  }

  private static Document rebuild(IndexSearcher searcher, DocumentFactory factory, String id)
      throws IOException {
    ScoreDoc hit = first(searcher, kind("table", id));
    if (hit == null) {
      return null;
    }
    Document stored = searcher.storedFields().document(hit.doc);
    Table table = StoredJson.read(stored, IndexFields.JSON, Table.class);
    Dataset dataset = null;
    ScoreDoc ds = first(searcher, kind("dataset", table.id().datasetId()));
    if (ds != null) {
      dataset = JSON.readValue(searcher.storedFields().document(ds.doc).get(IndexFields.JSON), Dataset.class);
    }
    String usageJson = stored.get(IndexFields.USAGE_JSON);
    TableUsage usage = usageJson == null ? null : JSON.readValue(usageJson, TableUsage.class);
    TableExtras extras = new TableExtras(usage, docText(searcher, id),
        Arrays.asList(stored.getValues(IndexFields.UPSTREAM)), Arrays.asList(stored.getValues(IndexFields.DOWNSTREAM)));
    return factory.table(table, dataset, extras, stored.get(IndexFields.SOURCE), state(searcher, hit.doc));
  }

  /** The design-doc text the indexer attaches to a table, in the order the docs were indexed. */
  private static String docText(IndexSearcher searcher, String id) throws IOException {
    Query query = new BooleanQuery.Builder()
        .add(new TermQuery(new Term(IndexFields.MENTIONS, id)), Occur.FILTER)
        .add(new TermQuery(new Term(IndexFields.KIND, "docfile")), Occur.FILTER)
        .build();
    int n = searcher.count(query);
    if (n == 0) {
      return null;
    }
    StringBuilder text = new StringBuilder();
    for (ScoreDoc sd : searcher.search(query, n, Sort.INDEXORDER).scoreDocs) {
      Doc doc = JSON.readValue(searcher.storedFields().document(sd.doc).get(IndexFields.JSON), Doc.class);
      text.append(doc.title()).append('\n')
          .append(String.join("\n", doc.sections().stream().map(DocSection::text).toList())).append('\n');
    }
    return text.toString();
  }

  private static PreviousIndex.TableState state(IndexSearcher searcher, int doc) throws IOException {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    BinaryDocValues states = leaf.reader().getBinaryDocValues(IndexFields.STATE_DV);
    if (states == null || !states.advanceExact(doc - leaf.docBase)) {
      return null;
    }
    var bytes = states.binaryValue();
    return PreviousIndex.TableState.decode(new String(bytes.bytes, bytes.offset, bytes.length, StandardCharsets.UTF_8));
  }

  private static Query kind(String kind, String id) {
    return new BooleanQuery.Builder()
        .add(new TermQuery(new Term(IndexFields.ID, id)), Occur.FILTER)
        .add(new TermQuery(new Term(IndexFields.KIND, kind)), Occur.FILTER)
        .build();
  }

  private static ScoreDoc first(IndexSearcher searcher, Query query) throws IOException {
    TopDocs top = searcher.search(query, 1);
    return top.scoreDocs.length == 0 ? null : top.scoreDocs[0];
  }
}
