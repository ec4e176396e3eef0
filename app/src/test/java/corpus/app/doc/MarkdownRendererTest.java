package corpus.app.doc;

import static org.assertj.core.api.Assertions.assertThat;

import corpus.app.testing.UiTest;
import corpus.app.theme.Styles;
import corpus.indexer.model.Doc;
import corpus.indexer.model.DocSection;
import corpus.indexer.model.TableId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The commonmark AST of design documents becomes the JavaFX nodes a reader expects. */
@UiTest
class MarkdownRendererTest {

  private final MarkdownRenderer renderer = new MarkdownRenderer();

  @BeforeAll
  static void startToolkit() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    try {
      Platform.startup(started::countDown);
    } catch (IllegalStateException alreadyRunning) {
      started.countDown();
    }
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void rendersAGfmTableAsAGridWithHeaderAndCellTexts() {
    List<Node> nodes = renderer.blocks("""
        | table | grain | retention |
        | --- | --- | ---: |
        | `soundwave-prod.listening.sessions` | **session**, with *plays* | 30 days |
        | `x.y.z` | track × day | — |
        """);

    assertThat(nodes).singleElement().isInstanceOf(ScrollPane.class);
    GridPane grid = (GridPane) ((ScrollPane) nodes.getFirst()).getContent();
    assertThat(grid.getStyleClass()).contains(Styles.MD_TABLE);
    assertThat(cell(grid, 0, 0)).isEqualTo("table");
    assertThat(cell(grid, 0, 1)).isEqualTo("grain");
    assertThat(cell(grid, 0, 2)).isEqualTo("retention");
    assertThat(cellNode(grid, 0, 0).getStyleClass()).contains(Styles.MD_TABLE_HEADER);
    assertThat(cell(grid, 1, 0)).isEqualTo("soundwave-prod.listening.sessions");
    assertThat(cell(grid, 1, 1)).isEqualTo("session, with plays");
    assertThat(cell(grid, 2, 2)).isEqualTo("—");
    assertThat(cellNode(grid, 1, 1).getStyleClass()).contains(Styles.MD_TABLE_CELL);
    assertThat(cellNode(grid, 1, 1).isStyled(Styles.MD_STRONG, "session")).isTrue();
    assertThat(grid.getChildren()).hasSize(9).noneMatch(n -> text(n).contains("|"));
  }

  @Test
  void aListItemContinuedOnTheNextLineIsOneItem() {
    List<Node> nodes = renderer.blocks("""
        - **Partitioned by `play_date`** (one partition per day) with `require_partition_filter`: a
          query without a filter on `play_date` is rejected.
        - **Clustered by `track_id, country`**: filters read fewer blocks.
        """);

    assertThat(nodes).singleElement();
    List<HBox> items = items(nodes.getFirst());
    assertThat(items).hasSize(2);
    assertThat(text(items.getFirst())).isEqualTo("• Partitioned by play_date (one partition per day) with "
        + "require_partition_filter: a query without a filter on play_date is rejected.");
    assertThat(flows(items.getFirst())).hasSize(1);
    Text playDate = texts(items.getFirst()).stream().filter(t -> t.getText().equals("play_date")).findFirst().orElseThrow();
    assertThat(playDate.getStyleClass()).contains(Styles.MD_STRONG, Styles.MD_CODE);
  }

  @Test
  void nestedListsNestAndOrderedListsKeepTheirNumbers() {
    List<Node> nodes = renderer.blocks("""
        1. first
           - inner a
           - inner b
             - deepest
        2. second
        """);

    List<HBox> outer = items(nodes.getFirst());
    assertThat(outer).extracting(i -> ((Label) i.getChildren().getFirst()).getText()).containsExactly("1.", "2.");
    VBox firstContent = (VBox) outer.getFirst().getChildren().get(1);
    assertThat(firstContent.getChildren()).hasSize(2);
    List<HBox> inner = items(firstContent.getChildren().get(1));
    assertThat(inner).extracting(MarkdownRendererTest::text).containsExactly("◦ inner a", "◦ inner b ▪ deepest");
  }

  @Test
  void codeBlocksKeepTheirTextAndLayoutAndDoNotWrap() {
    List<Node> nodes = renderer.blocks("""
        Before.

        ```sql
        SELECT play_date, COUNT(*)
          FROM `soundwave-prod.listening.plays`  -- **not bold**
         WHERE play_date = '2026-01-01'
        ```

            indented   code
        """);

    assertThat(nodes).hasSize(3);
    ScrollPane fenced = (ScrollPane) nodes.get(1);
    Label code = (Label) fenced.getContent();
    assertThat(code.getText()).isEqualTo("""
        SELECT play_date, COUNT(*)
          FROM `soundwave-prod.listening.plays`  -- **not bold**
         WHERE play_date = '2026-01-01'""");
    assertThat(code.isWrapText()).isFalse();
    assertThat(code.getStyleClass()).contains(Styles.MD_CODE_BLOCK);
    assertThat(((Label) ((ScrollPane) nodes.get(2)).getContent()).getText()).isEqualTo("indented   code");
  }

  @Test
  void tableMentionsInTextCodeAndLinksBecomeHyperlinksThatOpenTheTable() {
    List<TableId> opened = new ArrayList<>();
    TableLinks links = TableLinks.of(List.of("soundwave-prod.listening.plays", "soundwave-prod.users.user_accounts",
        "insert.sql", "soundwave-prod.listening.daily_track_streams"), opened::add);
    List<Node> nodes = renderer.blocks("""
        Plays come from `soundwave-prod.listening.plays` and soundwave-prod.users.user_accounts, see
        [streams](soundwave-prod.listening.daily_track_streams) and insert.sql or `other-proj.a.b`.
        """, links);

    List<Hyperlink> hyperlinks = hyperlinks(nodes.getFirst());
    assertThat(hyperlinks).extracting(Hyperlink::getText)
        .containsExactly("soundwave-prod.listening.plays", "soundwave-prod.users.user_accounts", "streams");
    assertThat(hyperlinks.getFirst().getStyleClass()).contains(Styles.MD_TABLE_LINK, Styles.MD_CODE);
    hyperlinks.forEach(Hyperlink::fire);
    assertThat(opened).containsExactly(TableId.parse("soundwave-prod.listening.plays"),
        TableId.parse("soundwave-prod.users.user_accounts"), TableId.parse("soundwave-prod.listening.daily_track_streams"));
    assertThat(text(nodes.getFirst())).isEqualTo("Plays come from soundwave-prod.listening.plays and "
        + "soundwave-prod.users.user_accounts, see streams and insert.sql or other-proj.a.b.");
  }

  @Test
  void inlineMarkupQuotesRulesLinksImagesAndRawHtml() {
    List<Node> nodes = renderer.blocks("""
        Some *emphasis*, _more_, **`bold code`** and [the wiki](https://wiki.example.com/plays "Wiki").
        Auto <https://example.com/a>, bare https://example.com/b and ![diagram of plays](plays.png) and <b>raw</b>.

        > Quoted **advice**
        > over two lines.

        ---

        <div onclick="x()">html block</div>
        """);

    assertThat(nodes).hasSize(4);
    TextFlow paragraph = (TextFlow) nodes.getFirst();
    assertThat(text(paragraph)).isEqualTo("Some emphasis, more, bold code and the wiki. Auto https://example.com/a, "
        + "bare https://example.com/b and diagram of plays and <b>raw</b>.");
    assertThat(styledText(paragraph, Styles.MD_EM)).containsExactly("emphasis", "more");
    assertThat(styledText(paragraph, Styles.MD_CODE)).containsExactly("bold code");
    assertThat(styledText(paragraph, Styles.MD_STRONG)).containsExactly("bold code");
    assertThat(styledText(paragraph, Styles.MD_LINK)).containsExactly("the wiki", "https://example.com/a",
        "https://example.com/b");
    assertThat(styledText(paragraph, Styles.MD_IMAGE)).containsExactly("diagram of plays");
    assertThat(hyperlinks(paragraph)).isEmpty();
    Text wiki = texts(paragraph).stream().filter(t -> t.getText().equals("the wiki")).findFirst().orElseThrow();
    assertThat(wiki.getProperties().values()).anyMatch(v -> v instanceof javafx.scene.control.Tooltip tip
        && tip.getText().equals("https://wiki.example.com/plays"));

    assertThat(nodes.get(1).getStyleClass()).contains(Styles.MD_QUOTE);
    assertThat(text(nodes.get(1))).isEqualTo("Quoted advice over two lines.");
    assertThat(nodes.get(2)).isInstanceOf(Separator.class);
    assertThat(text(nodes.get(3))).isEqualTo("<div onclick=\"x()\">html block</div>");
  }

  @Test
  void hostileNestingRendersAsTextInsteadOfOverflowingTheStack() {
    String quotes = "> ".repeat(20_000) + "deep";
    StringBuilder lists = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      lists.append("  ".repeat(i)).append("- level ").append(i).append('\n');
    }
    String emphasis = "*a ".repeat(5_000) + "x" + " b*".repeat(5_000);

    assertThat(text(new VBox(renderer.blocks(quotes).toArray(Node[]::new)))).endsWith("deep");
    String listText = text(new VBox(renderer.blocks(lists.toString()).toArray(Node[]::new)));
    assertThat(listText).contains("level 0", "level 150", "level 299");
    assertThat(text(new VBox(renderer.blocks(emphasis).toArray(Node[]::new)))).contains("x");
  }

  @Test
  void aHugeDocumentIsShownUpToTheLimitWithANote() {
    String line = "A line of a very long design document about soundwave-prod.listening.plays.\n";
    String text = line.repeat(5 * 1024 * 1024 / line.length());
    DocPanel panel = new DocPanel();
    panel.show(new Doc("huge.md", "Huge", "docs/huge.md", List.of(new DocSection("Huge", "huge", text, 1)),
        List.of("soundwave-prod.listening.plays")));

    Label note = (Label) find(panel, n -> "docTruncated".equals(n.getId())).getFirst();
    assertThat(note.getText()).isEqualTo("Document truncated at 3,000 lines: open docs/huge.md to read the rest.");
    assertThat(hyperlinks(panel)).hasSize(3_000);
  }

  // ---- helpers: what a reader sees ----

  private static String cell(GridPane grid, int row, int column) {
    return text(cellNode(grid, row, column));
  }

  private static CellNode cellNode(GridPane grid, int row, int column) {
    return new CellNode(grid.getChildren().stream()
        .filter(n -> GridPane.getRowIndex(n) == row && GridPane.getColumnIndex(n) == column)
        .findFirst().orElseThrow());
  }

  private record CellNode(Node node) {
    List<String> getStyleClass() {
      return node.getStyleClass();
    }

    boolean isStyled(String styleClass, String text) {
      return styledText(node, styleClass).contains(text);
    }
  }

  private static String text(CellNode cell) {
    return text(cell.node());
  }

  private static List<HBox> items(Node list) {
    assertThat(list.getStyleClass()).contains(Styles.MD_LIST);
    return ((VBox) list).getChildrenUnmodifiable().stream().map(HBox.class::cast).toList();
  }

  /** The text a reader sees, words separated by single spaces. */
  static String text(Node node) {
    StringBuilder out = new StringBuilder();
    collect(node, out);
    return out.toString().replaceAll("\\s+", " ").strip();
  }

  private static void collect(Node node, StringBuilder out) {
    switch (node) {
      case Text t -> out.append(t.getText());
      case Hyperlink h -> out.append(h.getText());
      case Label l -> out.append(l.getText()).append(' ');
      case ScrollPane s -> collect(s.getContent(), out);
      case TextFlow f -> {
        f.getChildren().forEach(c -> collect(c, out));
        out.append(' ');
      }
      case Parent p -> p.getChildrenUnmodifiable().forEach(c -> collect(c, out));
      default -> { }
    }
  }

  private static List<Node> find(Node root, java.util.function.Predicate<Node> test) {
    List<Node> out = new ArrayList<>();
    List<Node> todo = new ArrayList<>(List.of(root));
    while (!todo.isEmpty()) {
      Node n = todo.removeLast();
      if (test.test(n)) {
        out.add(n);
      }
      if (n instanceof ScrollPane s && s.getContent() != null) {
        todo.add(s.getContent());
      } else if (n instanceof Parent p && !(n instanceof Hyperlink) && !(n instanceof Label)) {
        todo.addAll(p.getChildrenUnmodifiable().reversed());
      }
    }
    return out;
  }

  private static List<Hyperlink> hyperlinks(Node root) {
    return find(root, n -> n instanceof Hyperlink).stream().map(Hyperlink.class::cast).toList();
  }

  private static List<TextFlow> flows(Node root) {
    return find(root, n -> n instanceof TextFlow).stream().map(TextFlow.class::cast).toList();
  }

  private static List<Text> texts(Node root) {
    return find(root, n -> n instanceof Text).stream().map(Text.class::cast).toList();
  }

  private static List<String> styledText(Node root, String styleClass) {
    return find(root, n -> (n instanceof Text || n instanceof Hyperlink) && n.getStyleClass().contains(styleClass))
        .stream().map(n -> n instanceof Text t ? t.getText() : ((Hyperlink) n).getText()).toList();
  }

}
