package corpus.app;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Friendly messages for the user that are not part of one page: the main window shows the latest
 * as a banner. View models post here instead of showing exceptions; call on the UI thread.
 */
public final class Notices {

  /** How serious a notice is; the banner styles itself by it. */
  public enum Level {
    INFO,
    ERROR
  }

  /** One message; {@code sequence} makes a repeated message a new notice. */
  public record Notice(Level level, String text, long sequence) {}

  private final ReadOnlyObjectWrapper<Notice> latest = new ReadOnlyObjectWrapper<>(this, "latest");
  private long sequence;

  public void info(String text) {
    latest.set(new Notice(Level.INFO, text, ++sequence));
  }

  public void error(String text) {
    latest.set(new Notice(Level.ERROR, text, ++sequence));
  }

  public ReadOnlyObjectProperty<Notice> latestProperty() {
    return latest.getReadOnlyProperty();
  }
}
