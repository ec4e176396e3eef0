package corpus.app;

import java.util.ArrayDeque;
import java.util.Deque;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The app's current {@link Place} and the way back: view models call {@link #go} and {@link
 * #back}; the main window shows whatever {@link #currentProperty()} says.
 */
public final class Navigator {

  private final ReadOnlyObjectWrapper<Place> current =
      new ReadOnlyObjectWrapper<>(this, "current", new Place.Search());
  private final ReadOnlyBooleanWrapper canGoBack = new ReadOnlyBooleanWrapper(this, "canGoBack");
  private final Deque<Place> history = new ArrayDeque<>();

  public void go(Place place) {
    if (place.equals(current.get())) {
      return;
    }
    history.push(current.get());
    current.set(place);
    canGoBack.set(true);
  }

  /** Returns to the previous place; does nothing on the first page. */
  public void back() {
    if (history.isEmpty()) {
      return;
    }
    current.set(history.pop());
    canGoBack.set(!history.isEmpty());
  }

  public Place current() {
    return current.get();
  }

  public ReadOnlyObjectProperty<Place> currentProperty() {
    return current.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty canGoBackProperty() {
    return canGoBack.getReadOnlyProperty();
  }
}
