package corpus.indexer.index;

import corpus.indexer.lineage.CatalogSchemas;
import corpus.indexer.model.Table;
import corpus.lineage.ColumnSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * Reads the schemas of tables written earlier in a run back from the index being written (a
 * near-real-time reader), so SQL sources crawled after the warehouse can expand {@code SELECT *}.
 */
final class SchemaLookup implements AutoCloseable {

  private final IndexWriter writer;
  private final TableWriterPool pool;
  private final LongSupplier tablesWritten;
  private final Map<String, Optional<List<ColumnSchema>>> cache = new HashMap<>();
  private DirectoryReader reader;
  private long readerTables = -1;

  SchemaLookup(IndexWriter writer, TableWriterPool pool, LongSupplier tablesWritten) {
    this.writer = writer;
    this.pool = pool;
    this.tablesWritten = tablesWritten;
  }

  /** The columns of table {@code id} (as the catalog spells it), empty when it is not in the run. */
  synchronized Optional<List<ColumnSchema>> columns(String id) {
    return cache.computeIfAbsent(id, key -> {
      try {
        refresh();
        IndexSearcher searcher = new IndexSearcher(reader);
        TopDocs top = searcher.search(new TermQuery(new Term(IndexFields.ID, key)), 1);
        if (top.scoreDocs.length == 0) {
          return Optional.empty();
        }
        Table table = StoredJson.read(searcher.storedFields().document(top.scoreDocs[0].doc), IndexFields.JSON,
            Table.class);
        return Optional.of(CatalogSchemas.columns(table.schema()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private void refresh() throws IOException {
    long written = tablesWritten.getAsLong();
    if (reader != null && readerTables == written) {
      return;
    }
    pool.awaitIdle();
    if (reader == null) {
      reader = DirectoryReader.open(writer);
    } else {
      DirectoryReader newer = DirectoryReader.openIfChanged(reader, writer);
      if (newer != null) {
        reader.close();
        reader = newer;
      }
    }
    readerTables = written;
  }

  @Override
  public synchronized void close() throws IOException {
    if (reader != null) {
      reader.close();
      reader = null;
    }
  }
}
