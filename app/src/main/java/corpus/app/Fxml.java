package corpus.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Objects;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/** Loads a view's FXML with the view itself as controller, so views read as FXML plus bindings. */
public final class Fxml {

  private Fxml() {}

  /** Loads {@code <ViewClass>.fxml} from the view's own package. */
  public static Parent load(Object view) {
    String name = view.getClass().getSimpleName() + ".fxml";
    URL url = Objects.requireNonNull(view.getClass().getResource(name), name);
    FXMLLoader loader = new FXMLLoader(url);
    loader.setController(view);
    try {
      return loader.load();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot load " + url, e);
    }
  }
}
