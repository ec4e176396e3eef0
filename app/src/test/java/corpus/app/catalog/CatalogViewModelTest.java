package corpus.app.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import corpus.app.catalog.CatalogViewModel.State;
import corpus.app.task.TaskExecutor;
import corpus.app.testing.ManualExecutor;
import corpus.app.testing.SmallCatalog;
import corpus.indexer.catalog.CatalogReader;
import corpus.indexer.progress.ProgressListener;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogViewModelTest {

  @TempDir Path indexDir;

  @Test
  void buildsTheCatalogWhenThereIsNoneThenOpensIt() {
    CatalogViewModel viewModel =
        new CatalogViewModel(SmallCatalog.loader(indexDir), TaskExecutor.currentThread());

    viewModel.start();

    assertThat(viewModel.stateProperty().get()).isEqualTo(State.READY);
    assertThat(viewModel.catalogProperty().get()).isNotNull();
    assertThat(viewModel.statusProperty().get()).isEqualTo("4 tables and views · " + indexDir);
    viewModel.close();
  }

  @Test
  void opensAnExistingCatalogWithoutRebuildingIt() throws Exception {
    SmallCatalog.build(indexDir).close();
    CatalogLoader neverBuilds = new LuceneCatalogLoader(indexDir, () -> {
      throw new AssertionError("must not rebuild");
    });
    CatalogViewModel viewModel = new CatalogViewModel(neverBuilds, TaskExecutor.currentThread());

    viewModel.start();

    assertThat(viewModel.stateProperty().get()).isEqualTo(State.READY);
    viewModel.close();
  }

  @Test
  void theFirstCatalogIsWarmedUpInTheBackgroundOnceItIsReady() throws Exception {
    SmallCatalog.build(indexDir).close();
    List<String> calls = new CopyOnWriteArrayList<>();
    LuceneCatalogLoader real = SmallCatalog.loader(indexDir);
    CatalogLoader recording = new CatalogLoader() {
      @Override public boolean exists() throws Exception {
        return real.exists();
      }

      @Override public CatalogReader open() throws Exception {
        CatalogReader reader = real.open();
        return (CatalogReader) Proxy.newProxyInstance(CatalogReader.class.getClassLoader(),
            new Class<?>[] {CatalogReader.class}, (proxy, method, args) -> {
              calls.add(method.getName());
              return method.invoke(reader, args);
            });
      }

      @Override public CatalogReader build(ProgressListener progress) {
        throw new AssertionError("must not rebuild");
      }

      @Override public String location() {
        return real.location();
      }
    };
    ManualExecutor background = new ManualExecutor();
    CatalogViewModel viewModel = new CatalogViewModel(recording, new TaskExecutor(background, Runnable::run));
    viewModel.start();
    background.runNext(); // finds the catalog
    background.runNext(); // opens it

    assertThat(viewModel.stateProperty().get()).isEqualTo(State.READY); // ready before any warm-up
    assertThat(calls).doesNotContain("warmUp");
    background.runAll();
    assertThat(calls).containsOnlyOnce("warmUp");

    viewModel.reload(); // a catalog opened again in the same session needs none
    background.runAll();
    assertThat(calls).containsOnlyOnce("warmUp");
    viewModel.close();
  }

  @Test
  void cancellingTheBuildLeavesNoCatalogAndOffersToBuildAgain() throws Exception {
    ManualExecutor background = new ManualExecutor();
    CatalogViewModel viewModel =
        new CatalogViewModel(SmallCatalog.loader(indexDir), new TaskExecutor(background, Runnable::run));
    viewModel.start();
    background.runNext(); // finds no catalog and starts building
    assertThat(viewModel.stateProperty().get()).isEqualTo(State.BUILDING);

    viewModel.cancel();
    background.runAll();

    assertThat(viewModel.stateProperty().get()).isEqualTo(State.CANCELLED);
    assertThat(viewModel.catalogProperty().get()).isNull();
    assertThat(viewModel.messageProperty().get()).contains("cancelled");

    viewModel.build();
    background.runAll();
    assertThat(viewModel.stateProperty().get()).isEqualTo(State.READY);
    viewModel.close();
  }

  @Test
  void aBrokenCatalogFolderBecomesAFriendlyMessage() throws Exception {
    Files.writeString(indexDir.resolve("segments_1"), "not a lucene index");
    CatalogViewModel viewModel =
        new CatalogViewModel(SmallCatalog.loader(indexDir), TaskExecutor.currentThread());

    viewModel.start();

    assertThat(viewModel.stateProperty().get()).isEqualTo(State.FAILED);
    assertThat(viewModel.messageProperty().get()).startsWith("The catalog could not be opened.")
        .doesNotContain("Exception");
    viewModel.close();
  }
}
