package corpus.indexer.scd;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * The column names that mark a slowly changing dimension of type 2: where a version starts and
 * ends, whether it is the current one, whether it records a deletion. Defaults cover the usual
 * {@code valid_from/valid_to/is_current/is_deleted} shape and dbt snapshots ({@code dbt_valid_from},
 * {@code dbt_valid_to}); {@link #load(Path)} adds a user's own names from a properties file:
 *
 * <pre>
 * valid_from = start_ts, row_valid_from
 * valid_to   = end_ts
 * is_current = current_flag
 * is_deleted = removed
 * </pre>
 */
public record ScdNames(List<String> validFrom, List<String> validTo, List<String> current, List<String> deleted) {

  /** The names Corpus recognises without configuration. */
  public static final ScdNames DEFAULTS = new ScdNames(
      List.of("valid_from", "dbt_valid_from", "effective_from", "valid_from_ts"),
      List.of("valid_to", "dbt_valid_to", "effective_to", "valid_to_ts"),
      List.of("is_current", "current_flag", "is_current_version", "dbt_is_current"),
      List.of("is_deleted", "dbt_is_deleted", "deleted_flag"));

  public ScdNames {
    validFrom = lower(validFrom);
    validTo = lower(validTo);
    current = lower(current);
    deleted = lower(deleted);
  }

  /**
   * The defaults plus the names in {@code file} (keys {@code valid_from}, {@code valid_to},
   * {@code is_current}, {@code is_deleted}, comma-separated values); the defaults alone when the file
   * does not exist.
   */
  public static ScdNames load(Path file) throws IOException {
    if (file == null || !Files.isRegularFile(file)) {
      return DEFAULTS;
    }
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file)) {
      p.load(r);
    }
    return DEFAULTS.plus(split(p.getProperty("valid_from")), split(p.getProperty("valid_to")),
        split(p.getProperty("is_current")), split(p.getProperty("is_deleted")));
  }

  /** These names with more appended (user names are tried after the defaults). */
  public ScdNames plus(List<String> from, List<String> to, List<String> isCurrent, List<String> isDeleted) {
    return new ScdNames(concat(validFrom, from), concat(validTo, to), concat(current, isCurrent),
        concat(deleted, isDeleted));
  }

  private static List<String> split(String value) {
    if (value == null || value.isBlank()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String s : value.split(",")) {
      if (!s.isBlank()) {
        out.add(s.strip());
      }
    }
    return out;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    Set<String> out = new LinkedHashSet<>(a);
    out.addAll(lower(b));
    return List.copyOf(out);
  }

  private static List<String> lower(List<String> names) {
    return names == null ? List.of() : names.stream().map(n -> n.strip().toLowerCase(Locale.ROOT)).toList();
  }
}
