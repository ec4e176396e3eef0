package corpus.app.search;

import static org.assertj.core.api.Assertions.assertThat;

import corpus.app.Place;
import corpus.app.format.Formats;
import corpus.app.testing.Screenshots;
import corpus.app.testing.UiTest;
import corpus.app.theme.Theme;
import corpus.indexer.model.TableId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Result cards as a user sees them: each badge in its own style, usage and age when loaded. */
@UiTest
@ExtendWith(ApplicationExtension.class)
class ResultCellUiTest {

  private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
  private Scene scene;

  @Start
  void start(Stage stage) {
    Theme.LIGHT.applyBase();
    Formats formats = new Formats(Clock.fixed(NOW, ZoneOffset.UTC), ZoneOffset.UTC);
    ListView<ResultItem> list = new ListView<>(FXCollections.observableArrayList(
        new ResultItem("p.users.accounts", "p.users.accounts", "table", "Listener accounts, one row per version",
            List.of("email", "user_id"), List.of("published", "documented", "scd2", "personal data"),
            new Place.Table(TableId.parse("p.users.accounts")))
            .withFacts(new CardFacts(420, 37, NOW.minusSeconds(2 * 86_400))),
        new ResultItem("p.listening.plays_v", "p.listening.plays_v", "view", "Plays per day",
            List.of(), List.of("partitioned"), new Place.Table(TableId.parse("p.listening.plays_v")))));
    list.getStyleClass().add("result-list");
    list.setCellFactory(l -> new ResultCell(formats));
    scene = new Scene(list, 900, 300);
    Theme.LIGHT.style(scene);
    stage.setScene(scene);
    stage.show();
  }

  @Test
  void showsEachBadgeInItsOwnStyleAndTheUsageAndAgeWhenLoaded(FxRobot robot) throws Exception {
    WaitForAsyncUtils.waitForFxEvents();
    List<Label> badges = robot.lookup(".badge").queryAllAs(Label.class).stream().toList();

    assertThat(badges).extracting(Label::getText)
        .contains("✓ published", "documented", "SCD2", "⚠ personal data", "partitioned");
    assertThat(badges).extracting(b -> b.getStyleClass().getLast()).doesNotHaveDuplicates()
        .contains("badge-personal-data", "badge-scd2", "badge-published", "badge-partitioned");
    Label personal = badges.stream().filter(b -> b.getText().contains("personal")).findFirst().orElseThrow();
    Label published = badges.stream().filter(b -> b.getText().contains("published")).findFirst().orElseThrow();
    assertThat(WaitForAsyncUtils.asyncFx(() -> personal.getBackground().getFills().getFirst().getFill())
        .get(5, TimeUnit.SECONDS))
        .isNotEqualTo(WaitForAsyncUtils.asyncFx(() -> published.getBackground().getFills().getFirst().getFill())
            .get(5, TimeUnit.SECONDS));
    assertThat(robot.lookup(".card-facts").queryAllAs(Label.class)).filteredOn(Node::isVisible)
        .extracting(Label::getText).containsExactly("420 queries by 37 people · modified 2 days ago");
    assertThat(robot.lookup(".kind-badge-view").tryQuery()).isPresent();
    Screenshots.save(scene, "result-cards.png");
  }
}
