package corpus.app.doc;

import corpus.app.Navigator;
import corpus.app.task.TaskExecutor;
import corpus.app.task.Tasks;
import corpus.indexer.catalog.CatalogReader;
import corpus.indexer.model.Doc;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** State of the page of one design document opened from the search results. */
public final class DocPageViewModel {

  private static final Logger LOG = LoggerFactory.getLogger(DocPageViewModel.class);

  private final ObjectProperty<CatalogReader> catalog = new SimpleObjectProperty<>(this, "catalog");
  private final ReadOnlyObjectWrapper<PreparedDoc> doc = new ReadOnlyObjectWrapper<>(this, "doc");
  private final TaskExecutor executor;
  private final Navigator navigator;
  private long generation;

  public DocPageViewModel(TaskExecutor executor, Navigator navigator) {
    this.executor = executor;
    this.navigator = navigator;
  }

  /** Reads the document in the background; a missing one shows as an empty document. */
  public void load(String docId) {
    long current = ++generation;
    CatalogReader reader = catalog.get();
    if (reader == null) {
      return;
    }
    // read and parsed in the background: the FX thread only builds the nodes
    Tasks.create(() -> PreparedDoc.of(reader.doc(docId).orElse(new Doc(docId, docId, null, List.of(), List.of()))))
        .onSuccess(found -> {
          if (current == generation) {
            doc.set(found);
          }
        })
        .onError(Exception.class, e -> {
          LOG.warn("Could not read doc {}", docId, e);
          doc.set(PreparedDoc.of(new Doc(docId, docId, null, List.of(), List.of())));
        })
        .runOn(executor);
  }

  public void back() {
    navigator.back();
  }

  public ObjectProperty<CatalogReader> catalogProperty() {
    return catalog;
  }

  public ReadOnlyObjectProperty<PreparedDoc> docProperty() {
    return doc.getReadOnlyProperty();
  }
}
