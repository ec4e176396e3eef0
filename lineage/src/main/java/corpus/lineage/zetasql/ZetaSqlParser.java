package corpus.lineage.zetasql;

import com.google.zetasql.LanguageOptions;
import com.google.zetasql.Parser;
import com.google.zetasql.parser.ASTNodes.ASTScript;

/**
 * ZetaSQL's parser configured for real BigQuery pipeline SQL: every language feature, every statement kind and
 * {@code QUALIFY} reserved. The native library (~1 s to load) is loaded on the first parse, once per JVM;
 * {@link #warmUp()} does it ahead of time, off any UI thread.
 */
public final class ZetaSqlParser {

  /** Holds the options; created on first use, immutable afterwards. */
  private static final class Options {
    static final LanguageOptions INSTANCE = create();

    private static LanguageOptions create() {
      LanguageOptions options = new LanguageOptions();
      options.enableMaximumLanguageFeatures();
      options.setSupportsAllStatementKinds();
      options.enableReservableKeyword("QUALIFY");
      return options;
    }
  }

  /** The language options of the parser (every feature, every statement kind, QUALIFY reserved); shared. */
  static LanguageOptions languageOptions() {
    return Options.INSTANCE;
  }

  /** Parses a script (one or more statements). Throws {@link com.google.zetasql.SqlException} on bad SQL. */
  ASTScript parseScript(String sql) {
    try {
      return Parser.parseScript(sql, Options.INSTANCE);
    } catch (LinkageError e) {
      throw new NativeLibraryUnavailableException(e);
    }
  }

  /** Loads the native library now; returns false when it is not available on this platform. */
  public static boolean warmUp() {
    try {
      new ZetaSqlParser().parseScript("SELECT 1");
      return true;
    } catch (NativeLibraryUnavailableException e) {
      return false;
    }
  }

  /** The ZetaSQL native library cannot be loaded (unsupported platform, too old a glibc). */
  static final class NativeLibraryUnavailableException extends RuntimeException {
    NativeLibraryUnavailableException(Throwable cause) {
      super("the ZetaSQL native library is not available on this platform (Linux x86_64 with glibc >= 2.29 or "
          + "macOS x86_64 needed): " + cause, cause);
    }
  }
}
