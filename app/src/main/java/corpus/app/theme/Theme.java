package corpus.app.theme;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.Locale;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Scene;

/**
 * Corpus's look: AtlantaFX's Primer theme as the user-agent stylesheet, with Corpus's own
 * stylesheet on top (its colours are looked up from the theme, so dark mode is only the base
 * theme swapped). Choose with {@code -Dcorpus.theme=dark}; light is the default.
 */
public enum Theme {
  LIGHT,
  DARK;

  private static final String STYLESHEET = "/corpus/app/theme/corpus.css";

  /** The theme named by {@code -Dcorpus.theme}, light when unset or unknown. */
  public static Theme fromSystemProperty() {
    String name = System.getProperty("corpus.theme", "light").strip().toUpperCase(Locale.ROOT);
    return name.equals("DARK") ? DARK : LIGHT;
  }

  /** Sets the base theme for every window of the app; call once on the JavaFX thread. */
  public void applyBase() {
    Application.setUserAgentStylesheet(switch (this) {
      case LIGHT -> new PrimerLight().getUserAgentStylesheet();
      case DARK -> new PrimerDark().getUserAgentStylesheet();
    });
  }

  /** Adds Corpus's stylesheet to a scene. */
  public void style(Scene scene) {
    String css = Objects.requireNonNull(Theme.class.getResource(STYLESHEET), STYLESHEET).toExternalForm();
    scene.getStylesheets().add(css);
    if (this == DARK) {
      scene.getRoot().getStyleClass().add("dark");
    }
  }
}
