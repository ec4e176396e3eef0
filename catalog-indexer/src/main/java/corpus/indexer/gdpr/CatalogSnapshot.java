package corpus.indexer.gdpr;

import corpus.indexer.index.IndexFields;
import corpus.indexer.index.LuceneCatalog;
import corpus.indexer.index.StoredJson;
import corpus.indexer.model.Dataset;
import corpus.indexer.model.Pipeline;
import corpus.indexer.model.Table;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;

/**
 * Everything a GDPR scan or report reads from a built catalog: its datasets, tables (with their
 * schemas) and pipelines (with their column lineage), sorted by id.
 *
 * <pre>{@code
 * CatalogSnapshot catalog = CatalogSnapshot.read(indexDir);
 * List<FieldContext> fields = GdprFields.of(catalog);
 * }</pre>
 */
public record CatalogSnapshot(List<Dataset> datasets, List<Table> tables, List<Pipeline> pipelines) {

  public CatalogSnapshot {
    datasets = List.copyOf(datasets);
    tables = List.copyOf(tables);
    pipelines = List.copyOf(pipelines);
  }

  /** Reads the catalog in {@code indexDir}; fails with a clear message when there is none. */
  public static CatalogSnapshot read(Path indexDir) throws IOException {
    if (!LuceneCatalog.exists(indexDir)) {
      throw new IOException("no catalog at " + indexDir + ": build one with `corpus index --index-dir "
          + indexDir + " --source sample`");
    }
    try (FSDirectory dir = FSDirectory.open(indexDir); DirectoryReader reader = DirectoryReader.open(dir)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      List<Dataset> datasets = stored(searcher, "dataset", Dataset.class);
      List<Table> tables = stored(searcher, "table", Table.class);
      List<Pipeline> pipelines = stored(searcher, "pipeline", Pipeline.class);
      datasets.sort(Comparator.comparing(Dataset::id));
      tables.sort(Comparator.comparing(t -> t.id().toString()));
      pipelines.sort(Comparator.comparing(Pipeline::id));
      return new CatalogSnapshot(datasets, tables, pipelines);
    }
  }

  private static <T> List<T> stored(IndexSearcher searcher, String kind, Class<T> type) throws IOException {
    TermQuery query = new TermQuery(new Term(IndexFields.KIND, kind));
    int n = Math.max(1, searcher.count(query));
    List<T> out = new ArrayList<>();
    for (ScoreDoc sd : searcher.search(query, n).scoreDocs) {
      T value = StoredJson.read(searcher.storedFields().document(sd.doc), IndexFields.JSON, type);
      if (value != null) {
        out.add(value);
      }
    }
    return out;
  }

  /** Tables by id {@code project.dataset.table}. */
  public Map<String, Table> tablesById() {
    Map<String, Table> out = new LinkedHashMap<>();
    tables.forEach(t -> out.put(t.id().toString(), t));
    return out;
  }

  /** The dataset {@code project.dataset}, if the catalog knows it. */
  public Optional<Dataset> dataset(String id) {
    return datasets.stream().filter(d -> d.id().equals(id)).findFirst();
  }
}
