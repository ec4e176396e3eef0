package corpus.indexer.gdpr;

import corpus.gdpr.propagate.ColumnEdge;
import corpus.gdpr.propagate.ColumnRef;
import corpus.gdpr.propagate.Derivation;
import corpus.gdpr.report.IdentifierField;
import corpus.gdpr.report.SubjectRequestPlan;
import corpus.gdpr.report.SubjectRequests;
import corpus.indexer.model.Field;
import corpus.indexer.model.Table;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers a data-subject request for one kind of identifier (a category such as {@code user_id}
 * or {@code email}): every field classified as that kind, plus every column derived from one
 * through lineage (copies compared directly, hashed copies compared with the same hash of the
 * parameter), turned into parameterised SELECT and DELETE statements per table. The subject's
 * value is only ever the query parameter {@code @subject_id}.
 */
public final class SubjectRequestFinder {

  private static final Set<String> COMPARABLE = Set.of("STRING", "INT64", "NUMERIC", "BIGNUMERIC", "FLOAT64", "BYTES");
  private static final int MAX_HOPS = 8;

  /**
   * One table's statements with how each field was found and a cost bound.
   *
   * @param plan the parameterised statements
   * @param origins per field path: "classified as user_id" or the lineage path it was reached by
   * @param tableBytes bytes of the table (a SELECT * scans at most this), or {@code null} if unknown
   */
  public record TablePlan(SubjectRequestPlan plan, Map<String, String> origins, Long tableBytes) {}

  /** Plans for every table holding {@code kind}, in catalog order. */
  public List<TablePlan> find(CatalogSnapshot catalog, List<FieldClassification> fields, String kind) {
    Map<String, Table> tables = catalog.tablesById();
    Map<ColumnRef, Found> found = new LinkedHashMap<>();
    Deque<ColumnRef> queue = new ArrayDeque<>();
    Map<ColumnRef, Integer> hops = new HashMap<>();
    for (FieldClassification f : fields) {
      if (f.category().equals(kind)) {
        ColumnRef ref = ColumnRef.of(f.table(), f.field());
        found.put(ref, new Found(null, "classified as " + kind + " (" + f.status() + ")"));
        queue.add(ref);
        hops.put(ref, 0);
      }
    }
    Map<ColumnRef, List<ColumnEdge>> downstream = new HashMap<>();
    for (ColumnEdge e : LineageEdges.of(catalog.pipelines())) {
      downstream.computeIfAbsent(e.source(), k -> new ArrayList<>()).add(e);
    }
    while (!queue.isEmpty()) {
      ColumnRef from = queue.poll();
      Found origin = found.get(from);
      if (hops.get(from) >= MAX_HOPS) {
        continue;
      }
      for (ColumnEdge e : downstream.getOrDefault(from, List.of())) {
        if (found.containsKey(e.target()) || e.derivation() == Derivation.AGGREGATION) {
          continue;
        }
        String match = origin.matchExpression();
        if (e.hashing()) {
          if (match != null || e.expression() == null) {
            continue;
          }
          match = substitute(e.expression(), e.source().field());
          if (match == null) {
            continue;
          }
        } else if (e.derivation() == Derivation.TRANSFORMATION && match != null) {
          continue;
        }
        found.put(e.target(), new Found(match, "derived from " + e.source() + " ("
            + (e.hashing() ? "hashed: " + e.expression() : e.derivation().name().toLowerCase(java.util.Locale.ROOT))
            + ")"));
        hops.put(e.target(), hops.get(from) + 1);
        queue.add(e.target());
      }
    }
    Map<String, List<IdentifierField>> byTable = new LinkedHashMap<>();
    Map<String, Map<String, String>> origins = new HashMap<>();
    for (Table t : catalog.tables()) {
      String id = t.id().toString();
      for (Field.Flat f : t.flatFields()) {
        Found hit = found.get(ColumnRef.of(id, f.path()));
        if (hit == null || (hit.matchExpression() == null && !COMPARABLE.contains(f.field().type()))) {
          continue;
        }
        byTable.computeIfAbsent(id, k -> new ArrayList<>()).add(new IdentifierField(id, f.path(), f.field().type(),
            GdprFields.repeatedPrefix(t, f.path()), hit.matchExpression()));
        origins.computeIfAbsent(id, k -> new LinkedHashMap<>()).put(f.path(), hit.origin());
      }
    }
    SubjectRequests requests = new SubjectRequests();
    List<TablePlan> out = new ArrayList<>();
    for (Map.Entry<String, List<IdentifierField>> e : byTable.entrySet()) {
      for (SubjectRequestPlan plan : requests.plan(e.getValue())) {
        out.add(new TablePlan(plan, origins.get(e.getKey()), tables.get(e.getKey()).numBytes()));
      }
    }
    return out;
  }

  /** {@code expression} with its reference to {@code column} replaced by the parameter, or null. */
  static String substitute(String expression, String column) {
    String leaf = column.substring(column.lastIndexOf('.') + 1);
    Matcher m = Pattern.compile("(?i)(?<![\\w.@])(?:\\w+\\.)?`?" + Pattern.quote(leaf) + "`?(?![\\w`])")
        .matcher(expression);
    if (!m.find()) {
      return null;
    }
    String out = m.replaceAll(Matcher.quoteReplacement("@" + SubjectRequests.PARAMETER));
    // another column in the expression would make it no function of the identifier alone
    String rest = out.replaceAll("'[^']*'", "").replaceAll("@" + SubjectRequests.PARAMETER, "")
        .replaceAll("(?i)\\b[A-Z_][A-Z0-9_.]*\\s*\\(", "(").replaceAll("(?i)\\b(AS|STRING|BYTES|INT64)\\b", "");
    return rest.matches("(?s)[\\s(),]*") ? out : null;
  }

  private record Found(String matchExpression, String origin) {}
}
