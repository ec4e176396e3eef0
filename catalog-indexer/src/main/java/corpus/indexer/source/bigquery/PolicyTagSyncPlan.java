package corpus.indexer.source.bigquery;

import corpus.indexer.model.Problem;
import corpus.indexer.model.TableId;
import java.util.ArrayList;
import java.util.List;

/**
 * The preview of a policy-tag sync: per location the Corpus taxonomy (found or to be created) and
 * the tags to create; per column its current tag and the new one; and what cannot be done.
 * {@link PolicyTagSync#plan} computes it without writing anything; {@link PolicyTagSync#apply}
 * carries it out.
 *
 * @param project the project holding the taxonomies
 * @param taxonomy display name of the Corpus taxonomy, e.g. {@code Corpus GDPR}
 * @param locations one entry per location of the tables concerned
 * @param columns one entry per classified column that could be read
 * @param problems tables, columns or locations that cannot be synced, with the reason
 */
public record PolicyTagSyncPlan(String project, String taxonomy, List<LocationPlan> locations,
    List<ColumnPlan> columns, List<Problem> problems) {

  /** What happens to a column. */
  public enum Action {
    /** The column has no policy tag and gets the Corpus one. */
    ADD,
    /** The column has another tag of the Corpus taxonomy (the decision changed) and gets the new one. */
    REPLACE,
    /** The column already has the right tag. */
    UNCHANGED,
    /** The column has a tag from another taxonomy: reported and left alone. */
    CONFLICT,
    /** A reviewer rejected the classification; the column's Corpus tag from an earlier sync is removed. */
    REMOVE
  }

  /**
   * The Corpus taxonomy in one location.
   *
   * @param location Data Catalog location, lower case, e.g. {@code eu}
   * @param taxonomyName resource name of the existing taxonomy, or null when it will be created
   * @param tagsToCreate tags missing from it, parents before children
   */
  public record LocationPlan(String location, String taxonomyName, List<NewTag> tagsToCreate) {
    public LocationPlan {
      tagsToCreate = List.copyOf(tagsToCreate);
    }

    public boolean createsTaxonomy() {
      return taxonomyName == null;
    }
  }

  /** A policy tag to create: display name, the display name of its parent (null at the top), description. */
  public record NewTag(String displayName, String parent, String description) {}

  /**
   * One classified column.
   *
   * @param table the table
   * @param field field path as spelled in the schema
   * @param category the decided category id
   * @param location the location of its dataset, lower case
   * @param current its policy tags now (resource names)
   * @param tag display name of the Corpus tag it should carry ({@code ""} for {@link Action#REMOVE})
   * @param tagName resource name of that tag, or null while it does not exist yet
   * @param action what happens
   */
  public record ColumnPlan(TableId table, String field, String category, String location, List<String> current,
      String tag, String tagName, Action action) {
    public ColumnPlan {
      current = List.copyOf(current);
    }

    /** Whether applying the plan writes this column. */
    public boolean changes() {
      return action == Action.ADD || action == Action.REPLACE || action == Action.REMOVE;
    }

    /** A preview line, e.g. {@code p.d.t  email: (none) -> pii_email (new)}. */
    public String describe() {
      String now = current.isEmpty() ? "(none)" : String.join(", ", current);
      return switch (action) {
        case CONFLICT -> table + "  " + field + ": " + now + " is not a Corpus tag; left alone (wanted " + tag + ")";
        case UNCHANGED -> table + "  " + field + ": " + tag + " (unchanged)";
        case REMOVE -> table + "  " + field + ": " + now + " -> (none) (classification rejected)";
        default -> table + "  " + field + ": " + now + " -> " + tag + (tagName == null ? " (new)" : "");
      };
    }
  }

  public PolicyTagSyncPlan {
    locations = List.copyOf(locations);
    columns = List.copyOf(columns);
    problems = List.copyOf(problems);
  }

  /** Columns the sync would write. */
  public List<ColumnPlan> changes() {
    return columns.stream().filter(ColumnPlan::changes).toList();
  }

  /** Columns with a tag from another taxonomy. */
  public List<ColumnPlan> conflicts() {
    return columns.stream().filter(c -> c.action() == Action.CONFLICT).toList();
  }

  /** Whether applying would change anything in Data Catalog or BigQuery. */
  public boolean isEmpty() {
    return changes().isEmpty() && locations.stream().noneMatch(l -> l.createsTaxonomy() && !l.tagsToCreate().isEmpty());
  }

  /** The preview as lines a reviewer reads before confirming. */
  public List<String> describe() {
    List<String> out = new ArrayList<>();
    for (LocationPlan l : locations) {
      out.add("location " + l.location() + ": taxonomy \"" + taxonomy + "\" "
          + (l.createsTaxonomy() ? "will be created in projects/" + project + "/locations/" + l.location()
              : "exists (" + l.taxonomyName() + ")"));
      l.tagsToCreate().forEach(t -> out.add("  create tag " + (t.parent() == null ? "" : t.parent() + " / ")
          + t.displayName()));
    }
    columns.forEach(c -> out.add(c.describe()));
    problems.forEach(p -> out.add("problem: " + p));
    return out;
  }
}
