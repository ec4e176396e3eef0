package corpus.indexer.index;

import static org.assertj.core.api.Assertions.assertThat;

import corpus.indexer.model.Doc;
import corpus.indexer.model.TableId;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocLinkerTest {

  private static Doc mentioning(String... tables) {
    return new Doc("notes", "Notes", "docs/notes.md", List.of(), List.of(tables));
  }

  @Test
  void linksTablesKeptFromThePreviousCatalogAsTheCrawledOnes() {
    DocLinker linker = new DocLinker();
    linker.addTable("Acme-Prod.creator.Daily_Creator_Metrics"); // kept: its id as the catalog wrote it
    linker.addTable(TableId.parse("acme-prod.users.user_accounts")); // crawled this time

    assertThat(linker.link(mentioning("creator.daily_creator_metrics", "`acme-prod.users.user_accounts`")))
        .containsExactly("Acme-Prod.creator.Daily_Creator_Metrics", "acme-prod.users.user_accounts");
    assertThat(linker.link(mentioning("acme-prod.creator.daily_creator_metrics", "users.user_accounts")))
        .containsExactly("Acme-Prod.creator.Daily_Creator_Metrics", "acme-prod.users.user_accounts");
  }

  @Test
  void aDatasetAndTableNameInTwoProjectsLinksToNeither() {
    DocLinker linker = new DocLinker();
    linker.addTable("p1.d.t");
    linker.addTable("p2.d.t");
    assertThat(linker.link(mentioning("d.t"))).isEmpty();
    assertThat(linker.link(mentioning("p2.d.t"))).containsExactly("p2.d.t");
  }
}
