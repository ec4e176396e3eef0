package corpus.indexer.source.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A path template of a pipeline repository, such as {@code {project}/{dataset}/{table}/query.sql} or
 * {@code {dataset}/{table}.sql}: tells which table a SQL file builds and which project and dataset its
 * unqualified table names mean.
 *
 * <p>{@code *} matches any part of one path segment. The template is matched against the end of the
 * file's path relative to the repository, so {@code sql/{project}/...} folders work as well. When the file
 * name does not match (a {@code init.sql} beside {@code query.sql}), the template's folders still give the
 * defaults but no destination.
 */
final class PathTemplate {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(project|dataset|table)}|\\*");

  /** What a path says: a destination table when the whole template matched, defaults otherwise. */
  record Placement(String project, String dataset, String table, boolean destination) {

    /** {@code project.dataset.table} (as qualified as the template allows), or null without destination. */
    String destinationId() {
      return destination ? folderTableId() : null;
    }

    /** The table the file's folder belongs to, whether or not the file name matched; null without one. */
    String folderTableId() {
      if (table == null) {
        return null;
      }
      List<String> parts = new ArrayList<>();
      if (project != null) {
        parts.add(project);
      }
      if (dataset != null) {
        parts.add(dataset);
      }
      parts.add(table);
      return String.join(".", parts);
    }
  }

  private final String text;
  private final Pattern whole;
  private final Pattern folders;

  PathTemplate(String template) {
    this.text = template.strip().replace('\\', '/');
    if (!text.contains("{table}")) {
      throw new IllegalArgumentException("path template '" + template + "' has no {table}");
    }
    this.whole = compile(text);
    int slash = text.lastIndexOf('/');
    this.folders = slash < 0 ? null : compile(text.substring(0, slash));
  }

  /** What the template says about a file, given its path relative to the repository with {@code /}. */
  Optional<Placement> match(String relativePath) {
    Matcher m = whole.matcher(relativePath);
    if (m.matches()) {
      return Optional.of(placement(m, true));
    }
    int slash = relativePath.lastIndexOf('/');
    if (folders != null && slash > 0) {
      Matcher f = folders.matcher(relativePath.substring(0, slash));
      if (f.matches()) {
        return Optional.of(placement(f, false));
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return text;
  }

  private static Placement placement(Matcher m, boolean destination) {
    return new Placement(group(m, "project"), group(m, "dataset"), group(m, "table"), destination);
  }

  private static String group(Matcher m, String name) {
    try {
      return m.group(name);
    } catch (IllegalArgumentException absent) {
      return null;
    }
  }

  private static Pattern compile(String template) {
    StringBuilder regex = new StringBuilder("(?:.*/)?");
    Matcher m = PLACEHOLDER.matcher(template);
    int at = 0;
    List<String> seen = new ArrayList<>();
    while (m.find()) {
      regex.append(Pattern.quote(template.substring(at, m.start())));
      if (m.group(1) == null) {
        regex.append("[^/]*");
      } else if (seen.contains(m.group(1))) {
        regex.append("\\k<").append(m.group(1)).append('>');
      } else {
        seen.add(m.group(1));
        regex.append("(?<").append(m.group(1)).append(">[^/]+?)");
      }
      at = m.end();
    }
    regex.append(Pattern.quote(template.substring(at)));
    return Pattern.compile(regex.toString());
  }
}
