package corpus.app.doc;

import corpus.indexer.model.Doc;
import corpus.indexer.model.DocSection;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.Document;

/**
 * A design document parsed from its Markdown, ready for a {@link DocPanel} to turn into nodes: the
 * parsing (and the cut of a document longer than {@link DocPanel#MAX_LINES} lines or {@link
 * DocPanel#MAX_CHARS} characters) runs in a background task, so the JavaFX thread only builds nodes.
 *
 * <pre>{@code
 * PreparedDoc prepared = PreparedDoc.of(doc);   // off the FX thread
 * panel.show(prepared);                         // on the FX thread
 * }</pre>
 *
 * @param doc the document as the catalog holds it
 * @param sections the sections shown, each with its parsed body
 * @param shownLines lines shown when the document was cut, or -1 when it is shown whole
 */
public record PreparedDoc(Doc doc, List<Section> sections, long shownLines) {

  /** A section: its heading (null for text before the first one) and its parsed Markdown. */
  public record Section(String heading, Document body) {}

  public PreparedDoc {
    sections = List.copyOf(sections);
  }

  /** Parses the document; blocking and independent of JavaFX. */
  public static PreparedDoc of(Doc doc) {
    List<Section> sections = new ArrayList<>();
    int lines = 0;
    int chars = 0;
    for (DocSection section : doc.sections()) {
      String text = section.text();
      int sectionLines = (int) text.lines().count();
      if (lines + sectionLines > DocPanel.MAX_LINES || chars + text.length() > DocPanel.MAX_CHARS) {
        String head = DocPanel.head(text, DocPanel.MAX_LINES - lines, DocPanel.MAX_CHARS - chars);
        sections.add(new Section(section.heading(), MarkdownRenderer.parse(head)));
        return new PreparedDoc(doc, sections, lines + head.lines().count());
      }
      lines += sectionLines;
      chars += text.length();
      sections.add(new Section(section.heading(), MarkdownRenderer.parse(text)));
    }
    return new PreparedDoc(doc, sections, -1);
  }
}
