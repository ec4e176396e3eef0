package corpus.app.connect;

import java.util.List;

/**
 * What a connection test found: how many datasets each project lets the credentials see.
 *
 * @param datasets per project, in the order of the settings
 */
public record ConnectionCheck(List<ProjectDatasets> datasets) {

  /** The datasets one project lists for these credentials. */
  public record ProjectDatasets(String project, int count) {}

  public ConnectionCheck {
    datasets = List.copyOf(datasets);
  }

  public int total() {
    return datasets.stream().mapToInt(ProjectDatasets::count).sum();
  }

  /** The line the dialog shows: {@code Connected: 12 datasets visible}. */
  public String summary() {
    int total = total();
    String visible = "Connected: " + total + (total == 1 ? " dataset" : " datasets") + " visible";
    if (datasets.size() > 1) {
      visible += " in " + datasets.size() + " projects";
    }
    List<String> empty = datasets.stream().filter(d -> d.count() == 0).map(ProjectDatasets::project).toList();
    if (!empty.isEmpty()) {
      visible += ". " + String.join(", ", empty) + (empty.size() == 1 ? " shows" : " show")
          + " no datasets: check the project id and that you have BigQuery Metadata Viewer there";
    }
    return visible + ".";
  }
}
