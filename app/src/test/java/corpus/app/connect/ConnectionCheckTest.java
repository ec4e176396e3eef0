package corpus.app.connect;

import static org.assertj.core.api.Assertions.assertThat;

import corpus.app.connect.ConnectionCheck.ProjectDatasets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectionCheckTest {

  @Test
  void saysHowManyDatasetsAreVisible() {
    assertThat(new ConnectionCheck(List.of(new ProjectDatasets("acme", 12))).summary())
        .isEqualTo("Connected: 12 datasets visible.");
    assertThat(new ConnectionCheck(List.of(new ProjectDatasets("acme", 1))).summary())
        .isEqualTo("Connected: 1 dataset visible.");
    assertThat(new ConnectionCheck(List.of(new ProjectDatasets("acme", 3), new ProjectDatasets("lake", 4))).summary())
        .isEqualTo("Connected: 7 datasets visible in 2 projects.");
  }

  @Test
  void pointsOutProjectsThatShowNothing() {
    assertThat(new ConnectionCheck(List.of(new ProjectDatasets("acme", 3), new ProjectDatasets("lake", 0))).summary())
        .isEqualTo("Connected: 3 datasets visible in 2 projects. lake shows no datasets: check the project id"
            + " and that you have BigQuery Metadata Viewer there.");
  }
}
