package corpus.app.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks a test that opens real JavaFX windows (run under Xvfb: {@code xvfb-run -a ./mvnw ...});
 * leave them out with {@code -DexcludedGroups=ui}.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("ui")
public @interface UiTest {}
