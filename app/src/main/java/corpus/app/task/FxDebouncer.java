package corpus.app.task;

import javafx.animation.PauseTransition;
import javafx.util.Duration;

/** A {@link Debouncer} on the JavaFX thread: the action runs when no new one came for a delay. */
public final class FxDebouncer implements Debouncer {

  private final PauseTransition pause;
  private Runnable pending;

  public FxDebouncer(Duration delay) {
    pause = new PauseTransition(delay);
    pause.setOnFinished(
        e -> {
          Runnable action = pending;
          pending = null;
          if (action != null) {
            action.run();
          }
        });
  }

  @Override
  public void submit(Runnable action) {
    pending = action;
    pause.playFromStart();
  }

  @Override
  public void cancel() {
    pending = null;
    pause.stop();
  }
}
