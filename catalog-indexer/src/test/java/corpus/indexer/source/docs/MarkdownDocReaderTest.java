package corpus.indexer.source.docs;

import static org.assertj.core.api.Assertions.assertThat;

import corpus.indexer.model.Doc;
import org.junit.jupiter.api.Test;

class MarkdownDocReaderTest {

  private final MarkdownDocReader reader = new MarkdownDocReader();

  @Test
  void splitsSectionsAtHeadingsButNotInsideCodeBlocks() {
    Doc doc = reader.read("a/design.md", "/x/a/design.md", """
        # Royalties process
        Intro text.
        ## Inputs
        ```
        # not a heading
        ```
        ## Outputs
        The report.
        """);
    assertThat(doc.title()).isEqualTo("Royalties process");
    assertThat(doc.sections()).extracting(s -> s.heading()).containsExactly("Royalties process", "Inputs", "Outputs");
    assertThat(doc.sections().get(2).line()).isEqualTo(7);
    assertThat(doc.sections().get(2).anchor()).isEqualTo("outputs");
  }

  @Test
  void findsQualifiedAndDatasetQualifiedTableReferences() {
    assertThat(MarkdownDocReader.mentions(
        "Built from `soundwave-prod.catalog.track_metadata` and royalties.monthly_report; see file.md, e.g. x."))
        .contains("soundwave-prod.catalog.track_metadata", "royalties.monthly_report");
  }

  @Test
  void titleFallsBackToTheFileName() {
    assertThat(reader.read("notes/sla.md", "/x", "no heading here").title()).isEqualTo("sla");
  }
}
