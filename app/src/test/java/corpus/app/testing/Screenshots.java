package corpus.app.testing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Saves what a scene shows as a PNG under {@code target/screenshots}, so a developer can look at
 * what a UI test saw; copy the good ones to {@code docs/images}.
 */
public final class Screenshots {

  private Screenshots() {}

  public static Path save(Scene scene, String name) {
    try {
      WaitForAsyncUtils.waitForFxEvents();
      WritableImage image = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get(10, TimeUnit.SECONDS);
      BufferedImage png = SwingFXUtils.fromFXImage(image, null);
      Path dir = Path.of("target", "screenshots");
      Files.createDirectories(dir);
      Path file = dir.resolve(name);
      ImageIO.write(png, "png", file.toFile());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new IllegalStateException("Could not take a screenshot " + name, e);
    }
  }
}
