package corpus.indexer.index;

/** Thrown when the thread running an indexing job is interrupted; the previous index is kept. */
public final class IndexCancelledException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public IndexCancelledException() {
    super("indexing cancelled; the previous catalog is unchanged");
  }
}
