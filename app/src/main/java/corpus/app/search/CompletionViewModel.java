package corpus.app.search;

import corpus.app.task.TaskExecutor;
import corpus.app.task.TaskHandle;
import corpus.app.task.Tasks;
import corpus.indexer.catalog.CatalogReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Completions for the word being typed: filter keys and values locally, table and field names from
 * the catalog ({@link CatalogReader#complete}) off the UI thread. Each keystroke cancels the
 * previous lookup, whose answer is then never shown.
 *
 * <pre>{@code
 * completion.update("dataset:cre");        // suggestions() → ["dataset:creator"]
 * String query = completion.accept("dataset:cre", 0); // "dataset:creator "
 * }</pre>
 */
public final class CompletionViewModel {

  static final int LIMIT = 8;
  private static final int MIN_NAME_PREFIX = 2;
  private static final Logger LOG = LoggerFactory.getLogger(CompletionViewModel.class);

  private final ObservableList<String> suggestions = FXCollections.observableArrayList();
  private final IntegerProperty selectedIndex = new SimpleIntegerProperty(this, "selectedIndex", -1);
  private final TaskExecutor executor;
  private final Supplier<CatalogReader> catalog;
  private final Supplier<Map<String, Map<String, Long>>> facets;
  private TaskHandle<List<String>> running;
  private long generation;

  /**
   * @param catalog the catalog to complete names from (null while none is open)
   * @param facets the facet counts of the last search, for filter values
   */
  CompletionViewModel(
      TaskExecutor executor, Supplier<CatalogReader> catalog, Supplier<Map<String, Map<String, Long>>> facets) {
    this.executor = executor;
    this.catalog = catalog;
    this.facets = facets;
  }

  /** Looks up completions of the text's last word; call as the user types. */
  public void update(String text) {
    long mine = stop();
    String token = QueryTokens.lastToken(text);
    if (token == null || token.isEmpty() || token.startsWith("\"")) {
      show(List.of());
      return;
    }
    if (QueryTokens.isFilter(token)) {
      show(QueryTokens.values(token, facets.get()));
      return;
    }
    List<String> keys = QueryTokens.keys(token);
    CatalogReader reader = catalog.get();
    String prefix = token.startsWith("-") ? token.substring(1) : token;
    if (reader == null || token.startsWith("-") || prefix.length() < MIN_NAME_PREFIX) {
      show(keys);
      return;
    }
    running = Tasks.create(() -> reader.complete(prefix, LIMIT * 3))
        .onSuccess(names -> {
          if (mine == generation) {
            show(merge(keys, names, prefix));
          }
        })
        .onError(Exception.class, e -> LOG.debug("Completion of '{}' failed", prefix, e))
        .runOn(executor);
  }

  private static List<String> merge(List<String> keys, List<String> names, String prefix) {
    List<String> out = new ArrayList<>(keys);
    String typed = prefix.toLowerCase(Locale.ROOT);
    for (String name : names) {
      String lower = name.toLowerCase(Locale.ROOT);
      if (!lower.equals(typed) && completes(lower, typed) && !out.contains(name) && out.size() < LIMIT) {
        out.add(name);
      }
    }
    return out;
  }

  /**
   * Whether a name really continues the typed prefix: the whole id or path does, or one of its
   * dotted parts ({@code metric} completes {@code actions_received.metric_name}). The catalog also
   * returns the fields of a table whose name matches, which would only puzzle here.
   */
  static boolean completes(String name, String typed) {
    if (name.startsWith(typed)) {
      return true;
    }
    for (String part : name.split("\\.")) {
      if (part.startsWith(typed)) {
        return true;
      }
    }
    return false;
  }

  private void show(List<String> shown) {
    suggestions.setAll(shown.size() > LIMIT ? shown.subList(0, LIMIT) : shown);
    selectedIndex.set(-1);
  }

  /** Cancels any lookup and hides the suggestions. */
  public void dismiss() {
    stop();
    show(List.of());
  }

  private long stop() {
    generation++;
    if (running != null) {
      running.cancel();
      running = null;
    }
    return generation;
  }

  /** Whether there is anything to pick from. */
  public boolean isShowing() {
    return !suggestions.isEmpty();
  }

  /** Moves the highlight down, stopping at the last suggestion. */
  public void selectNext() {
    if (isShowing()) {
      selectedIndex.set(Math.min(suggestions.size() - 1, selectedIndex.get() + 1));
    }
  }

  /** Moves the highlight up; above the first suggestion nothing is highlighted. */
  public void selectPrevious() {
    if (isShowing()) {
      selectedIndex.set(Math.max(-1, selectedIndex.get() - 1));
    }
  }

  /** Whether the user chose a suggestion (Alt+↓), so Enter takes it rather than opening a result. */
  public boolean hasSelection() {
    int i = selectedIndex.get();
    return i >= 0 && i < suggestions.size();
  }

  /**
   * The query with its last word replaced by the suggestion at the index: a filter key stays open
   * for its value ({@code dataset:}), anything else ends with a space for the next word.
   */
  public String accept(String text, int index) {
    if (index < 0 || index >= suggestions.size()) {
      return text;
    }
    String chosen = suggestions.get(index);
    return QueryTokens.replaceLast(text == null ? "" : text, chosen.endsWith(":") ? chosen : chosen + " ");
  }

  public ObservableList<String> suggestions() {
    return suggestions;
  }

  public IntegerProperty selectedIndexProperty() {
    return selectedIndex;
  }
}
