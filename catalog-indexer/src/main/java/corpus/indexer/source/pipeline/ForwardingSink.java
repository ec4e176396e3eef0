package corpus.indexer.source.pipeline;

import corpus.indexer.model.Dataset;
import corpus.indexer.model.Doc;
import corpus.indexer.model.Pipeline;
import corpus.indexer.model.Problem;
import corpus.indexer.model.Table;
import corpus.indexer.model.TableUsage;
import corpus.indexer.source.CatalogSink;
import corpus.lineage.SchemaProvider;

/** A sink that passes everything on to another; subclasses look at what goes by. */
class ForwardingSink implements CatalogSink {

  private final CatalogSink delegate;

  ForwardingSink(CatalogSink delegate) {
    this.delegate = delegate;
  }

  @Override
  public void dataset(Dataset dataset) {
    delegate.dataset(dataset);
  }

  @Override
  public void table(Table table) {
    delegate.table(table);
  }

  @Override
  public void doc(Doc doc) {
    delegate.doc(doc);
  }

  @Override
  public void usage(TableUsage usage) {
    delegate.usage(usage);
  }

  @Override
  public void pipeline(Pipeline pipeline) {
    delegate.pipeline(pipeline);
  }

  @Override
  public SchemaProvider schemas() {
    return delegate.schemas();
  }

  @Override
  public void problem(Problem problem) {
    delegate.problem(problem);
  }
}
