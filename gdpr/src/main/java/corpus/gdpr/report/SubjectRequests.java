package corpus.gdpr.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Generates parameterised BigQuery statements for data-subject requests: per table, a SELECT for
 * access and DELETE/UPDATE statements for erasure, matching every given identifier field against
 * the query parameter {@code @subject_id} (STRING). Identifiers are backtick-quoted and checked;
 * the subject's value never enters the SQL text.
 *
 * <pre>{@code
 * List<SubjectRequestPlan> plans = new SubjectRequests().plan(List.of(
 *     IdentifierField.of("p.crm.users", "user_id", "INT64"),
 *     new IdentifierField("p.events.sessions", "hits.user_id", "STRING", "hits", null)));
 * }</pre>
 */
public final class SubjectRequests {

  /** Name of the query parameter holding the subject's identifier. */
  public static final String PARAMETER = "subject_id";

  private static final Pattern FIELD_SEGMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final String ELEMENT = "elem";

  /** One plan per table, in the order tables first appear in {@code fields}. */
  public List<SubjectRequestPlan> plan(List<IdentifierField> fields) {
    Map<String, List<IdentifierField>> byTable = new LinkedHashMap<>();
    for (IdentifierField f : fields) {
      byTable.computeIfAbsent(f.table(), k -> new ArrayList<>()).add(f);
    }
    List<SubjectRequestPlan> out = new ArrayList<>();
    byTable.forEach((table, list) -> out.add(planTable(table, list)));
    return out;
  }

  private SubjectRequestPlan planTable(String table, List<IdentifierField> fields) {
    String quotedTable = quoteTable(table);
    List<String> rowConditions = new ArrayList<>();
    List<String> erasure = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    List<String> topLevel = new ArrayList<>();
    for (IdentifierField f : fields) {
      if (f.repeatedPrefix() == null) {
        String c = quotePath(f.fieldPath()) + " = " + value(f);
        rowConditions.add(c);
        topLevel.add(c);
      } else {
        String array = quotePath(f.repeatedPrefix());
        String inner = ELEMENT + "." + quotePath(f.fieldPath().substring(f.repeatedPrefix().length() + 1))
            + " = " + value(f);
        String exists = "EXISTS (SELECT 1 FROM UNNEST(" + array + ") AS " + ELEMENT + " WHERE " + inner + ")";
        rowConditions.add(exists);
        erasure.add("UPDATE " + quotedTable + " SET " + array + " = ARRAY(SELECT AS STRUCT " + ELEMENT + ".* FROM UNNEST("
            + array + ") AS " + ELEMENT + " WHERE NOT IFNULL(" + inner + ", FALSE)) WHERE " + exists);
        notes.add(f.fieldPath() + " sits inside the repeated record " + f.repeatedPrefix()
            + ": erasure removes the subject's elements and keeps the rest of each row");
      }
      if (f.matchExpression() != null) {
        notes.add(f.fieldPath() + " is compared with " + f.matchExpression());
      }
    }
    if (!topLevel.isEmpty()) {
      erasure.addFirst("DELETE FROM " + quotedTable + " WHERE " + String.join(" OR ", topLevel));
    }
    notes.add("bind @" + PARAMETER + " (STRING) to the subject's identifier; dry-run each statement for its cost;"
        + " rows in the streaming buffer cannot be deleted yet, and time travel keeps deleted rows for up to 7 days");
    String access = "SELECT * FROM " + quotedTable + " WHERE " + String.join(" OR ", rowConditions);
    return new SubjectRequestPlan(table, fields.stream().map(IdentifierField::fieldPath).toList(), access, erasure,
        notes);
  }

  private static String value(IdentifierField f) {
    if (f.matchExpression() != null) {
      return f.matchExpression();
    }
    String type = f.type() == null ? "STRING" : f.type().strip().toUpperCase(Locale.ROOT);
    return switch (type) {
      case "STRING" -> "@" + PARAMETER;
      case "INT64", "INTEGER" -> "SAFE_CAST(@" + PARAMETER + " AS INT64)";
      case "NUMERIC", "BIGNUMERIC", "FLOAT64" -> "SAFE_CAST(@" + PARAMETER + " AS " + type + ")";
      case "BYTES" -> "CAST(@" + PARAMETER + " AS BYTES)";
      default -> throw new IllegalArgumentException(
          f.table() + ":" + f.fieldPath() + " has type " + type + ", which cannot hold a subject identifier");
    };
  }

  static String quoteTable(String table) {
    if (table == null || table.isBlank() || table.chars().anyMatch(c -> c == '`' || c == '\\' || c < 32)) {
      throw new IllegalArgumentException("not a usable table id: " + table);
    }
    return "`" + table + "`";
  }

  static String quotePath(String path) {
    List<String> quoted = new ArrayList<>();
    for (String segment : path.split("\\.", -1)) {
      if (!FIELD_SEGMENT.matcher(segment).matches()) {
        throw new IllegalArgumentException("not a usable field path: " + path);
      }
      quoted.add("`" + segment + "`");
    }
    return String.join(".", quoted);
  }
}
