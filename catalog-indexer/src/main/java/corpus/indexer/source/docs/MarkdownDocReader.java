package corpus.indexer.source.docs;

import corpus.indexer.model.Doc;
import corpus.indexer.model.DocSection;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a Markdown design document into heading sections and finds the table references in it
 * ({@code project.dataset.table}, optionally in backticks, and {@code dataset.table}).
 */
public final class MarkdownDocReader {

  private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");
  /** A project id may have dashes; dataset and table names are letters, digits and underscores. */
  private static final Pattern TABLE_REF = Pattern.compile(
      "(?<![\\w.-])`?((?:[a-z][a-z0-9-]{2,62}[a-z0-9]\\.)?[A-Za-z_][A-Za-z0-9_]*\\.[A-Za-z_][A-Za-z0-9_*]*)`?(?![\\w-]|\\.\\w)");

  /** Reads a document from its id (path relative to the docs folder), file path and text. */
  public Doc read(String id, String path, String text) {
    List<DocSection> sections = new ArrayList<>();
    String title = null;
    String heading = null;
    int headingLine = 1;
    StringBuilder body = new StringBuilder();
    boolean inCode = false;
    String[] lines = text.split("\\R", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.strip().startsWith("```")) {
        inCode = !inCode;
      }
      Matcher m = inCode ? null : HEADING.matcher(line);
      if (m != null && m.matches()) {
        addSection(sections, heading, headingLine, body);
        heading = m.group(2);
        headingLine = i + 1;
        if (title == null && m.group(1).length() == 1) {
          title = heading;
        }
        body.setLength(0);
      } else {
        body.append(line).append('\n');
      }
    }
    addSection(sections, heading, headingLine, body);
    if (title == null) {
      String name = id.substring(id.lastIndexOf('/') + 1);
      title = name.replaceFirst("\\.(md|markdown|txt)$", "");
    }
    return new Doc(id, title, path, sections, mentions(text));
  }

  private static void addSection(List<DocSection> sections, String heading, int line, StringBuilder body) {
    String text = body.toString().strip();
    if (heading == null && text.isEmpty()) {
      return;
    }
    sections.add(new DocSection(heading, heading == null ? "" : anchor(heading), text, line));
  }

  /** GitHub-style anchor of a heading. */
  static String anchor(String heading) {
    return heading.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").strip().replace(' ', '-');
  }

  /** Every distinct table-like reference in the text, in order of appearance. */
  static List<String> mentions(String text) {
    Set<String> found = new LinkedHashSet<>();
    Matcher m = TABLE_REF.matcher(text);
    while (m.find()) {
      found.add(m.group(1));
    }
    return List.copyOf(found);
  }
}
