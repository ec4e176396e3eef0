package corpus.indexer.source.docs;

import corpus.indexer.model.Problem;
import corpus.indexer.progress.ProgressListener;
import corpus.indexer.source.CatalogSink;
import corpus.indexer.source.CatalogSource;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Crawls a folder of design documents (Markdown and plain text). A file that is too large or not
 * UTF-8 text is reported and skipped.
 */
public final class DocsSource implements CatalogSource {

  /** Larger files are not design documents (generated dumps, logs): skipped with a report. */
  static final long MAX_BYTES = 2L * 1024 * 1024;

  private final Path dir;
  private final MarkdownDocReader reader = new MarkdownDocReader();

  public DocsSource(Path dir) {
    this.dir = dir;
  }

  @Override
  public String spec() {
    return "docs:" + dir;
  }

  @Override
  public void crawl(CatalogSink sink, ProgressListener progress) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new NoSuchFileException(dir.toString(), null, "docs folder does not exist");
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(Files::isRegularFile).filter(DocsSource::isDoc).sorted().toList();
    }
    long done = 0;
    for (Path file : files) {
      if (Thread.currentThread().isInterrupted()) {
        return;
      }
      String id = dir.relativize(file).toString().replace('\\', '/');
      try {
        if (Files.size(file) > MAX_BYTES) {
          sink.problem(new Problem(spec(), file.toString(), 0, "larger than 2 MiB; not a design document"));
        } else {
          String text = StandardCharsets.UTF_8.newDecoder()
              .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
          if (text.indexOf('\0') >= 0) {
            throw new CharacterCodingException();
          }
          sink.doc(reader.read(id, file.toString(), text));
        }
      } catch (CharacterCodingException e) {
        sink.problem(new Problem(spec(), file.toString(), 0, "not UTF-8 text"));
      } catch (IOException e) {
        sink.problem(new Problem(spec(), file.toString(), 0, "cannot read: " + e.getMessage()));
      }
      progress.progress("docs", ++done, files.size());
    }
  }

  private static boolean isDoc(Path p) {
    String n = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    return n.endsWith(".md") || n.endsWith(".markdown") || n.endsWith(".txt");
  }
}
