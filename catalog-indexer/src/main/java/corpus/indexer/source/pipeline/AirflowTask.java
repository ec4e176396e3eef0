package corpus.indexer.source.pipeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a BigQuery operator call says about its job: the SQL (string literals or SQL file names), the
 * destination table, the defaults for unqualified names and the template parameters to render Jinja with —
 * or why part of it is only known when the DAG runs.
 *
 * @param sql the SQL values; empty for a job without SQL (a load or copy job), null when unreadable
 * @param problem why (part of) the task cannot be read reliably, or null
 */
record AirflowTask(
    List<PythonValue.Str> sql,
    String destination,
    String defaultProject,
    String defaultDataset,
    Map<String, String> templateParameters,
    String problem,
    int problemLine) {

  private static final Pattern INCLUDE = Pattern.compile("\\s*\\{%-?\\s*include\\s+['\"]([^'\"]+)['\"]\\s*-?%}\\s*");

  /** Values for Airflow's usual macros, so that date-templated SQL still parses. */
  private static final Map<String, String> MACROS = Map.ofEntries(
      Map.entry("ds", "2024-01-01"), Map.entry("ds_nodash", "20240101"),
      Map.entry("ts", "2024-01-01T00:00:00+00:00"), Map.entry("ts_nodash", "20240101T000000"),
      Map.entry("execution_date", "2024-01-01T00:00:00+00:00"), Map.entry("logical_date", "2024-01-01T00:00:00+00:00"),
      Map.entry("data_interval_start", "2024-01-01T00:00:00+00:00"),
      Map.entry("data_interval_end", "2024-01-02T00:00:00+00:00"),
      Map.entry("prev_ds", "2023-12-31"), Map.entry("next_ds", "2024-01-02"),
      Map.entry("yesterday_ds", "2023-12-31"), Map.entry("tomorrow_ds", "2024-01-02"),
      Map.entry("prev_ds_nodash", "20231231"), Map.entry("next_ds_nodash", "20240102"),
      Map.entry("run_id", "scheduled__2024-01-01T00:00:00+00:00"));

  AirflowTask {
    templateParameters = Map.copyOf(templateParameters);
  }

  /** Reads the task of one operator call. */
  static AirflowTask of(AirflowOperatorCall call) {
    Map<String, String> parameters = new HashMap<>(MACROS);
    if (call.arguments().get("params") instanceof PythonValue.Dict params) {
      params.entries().forEach((k, v) -> {
        if (v instanceof PythonValue.Str s) {
          parameters.put("params." + k, s.value());
        } else if (v instanceof PythonValue.Const c) {
          parameters.put("params." + k, c.text());
        }
      });
    }
    return call.operator().equals("BigQueryInsertJobOperator") ? insertJob(call, parameters) : executeQuery(call, parameters);
  }

  private static AirflowTask insertJob(AirflowOperatorCall call, Map<String, String> parameters) {
    String project = literal(call.arguments().get("project_id"));
    PythonValue configuration = call.arguments().get("configuration");
    if (configuration == null) {
      return failed(call.unpacked() ? "the configuration is passed through **kwargs" : "no configuration", call.line(),
          parameters);
    }
    if (!(configuration instanceof PythonValue.Dict config)) {
      return failed("the configuration is " + describe(configuration), configuration.line(), parameters);
    }
    PythonValue query = config.get("query");
    if (query == null) {
      return new AirflowTask(List.of(), null, project, null, parameters, null, 0); // a load, copy or extract job
    }
    if (!(query instanceof PythonValue.Dict q)) {
      return failed("the query configuration is " + describe(query), query.line(), parameters);
    }
    String dataset = null;
    if (q.get("defaultDataset") instanceof PythonValue.Dict d) {
      project = firstNonNull(literal(d.get("projectId")), project);
      dataset = literal(d.get("datasetId"));
    }
    String problem = null;
    int problemLine = 0;
    String destination = null;
    PythonValue dest = q.get("destinationTable");
    if (dest instanceof PythonValue.Dict d) {
      String p = firstNonNull(literal(d.get("projectId")), project);
      String ds = literal(d.get("datasetId"));
      String t = literal(d.get("tableId"));
      if (ds == null || t == null) {
        problem = "the destination table is only known when the DAG runs";
        problemLine = d.line();
      } else {
        destination = (p == null ? "" : p + ".") + ds + "." + t;
      }
    } else if (dest != null) {
      problem = "the destination table is " + describe(dest);
      problemLine = dest.line();
    }
    PythonValue sql = q.get("query");
    if (sql instanceof PythonValue.Str s) {
      return new AirflowTask(List.of(s), destination, project, dataset, parameters, problem, problemLine);
    }
    PythonValue at = sql == null ? q : sql;
    return failed("the query is " + (sql == null ? "missing" : describe(sql)), at.line(), parameters);
  }

  private static AirflowTask executeQuery(AirflowOperatorCall call, Map<String, String> parameters) {
    PythonValue sql = call.arguments().containsKey("sql") ? call.arguments().get("sql") : call.arguments().get("bql");
    String problem = null;
    int problemLine = 0;
    String destination = null;
    String project = null;
    PythonValue dest = call.arguments().get("destination_dataset_table");
    if (dest instanceof PythonValue.Str s) {
      destination = s.value().strip().replace(':', '.');
      project = destination.split("\\.").length == 3 ? destination.substring(0, destination.indexOf('.')) : null;
    } else if (dest != null) {
      problem = "the destination table is " + describe(dest);
      problemLine = dest.line();
    }
    List<PythonValue.Str> statements = new ArrayList<>();
    if (sql instanceof PythonValue.Str s) {
      statements.add(s);
    } else if (sql instanceof PythonValue.Seq seq) {
      for (PythonValue item : seq.items()) {
        if (!(item instanceof PythonValue.Str s)) {
          return failed("one of the SQL statements is " + describe(item), item.line(), parameters);
        }
        statements.add(s);
      }
    } else {
      return failed(sql == null ? (call.unpacked() ? "the SQL is passed through **kwargs" : "no sql argument")
          : "the SQL is " + describe(sql), sql == null ? call.line() : sql.line(), parameters);
    }
    return new AirflowTask(statements, destination, project, null, parameters, problem, problemLine);
  }

  /** The file named by a {@code {% include 'file.sql' %}} that is the whole SQL, or null. */
  static String includedFile(String sql) {
    Matcher m = INCLUDE.matcher(sql);
    return m.matches() ? m.group(1) : null;
  }

  /** Whether a SQL argument is a file name Airflow would render as a template ({@code sql/x.sql}). */
  static boolean looksLikeSqlFile(String sql) {
    String s = sql.strip();
    return s.endsWith(".sql") && !s.contains("\n") && !s.contains(" ");
  }

  private static AirflowTask failed(String why, int line, Map<String, String> parameters) {
    return new AirflowTask(null, null, null, null, parameters, why, line);
  }

  private static String describe(PythonValue v) {
    return v instanceof PythonValue.Unknown u ? u.reason() : "not a literal of the expected shape";
  }

  private static String literal(PythonValue v) {
    return v instanceof PythonValue.Str s && !s.value().isBlank() && !s.value().contains("{{") ? s.value().strip() : null;
  }

  private static String firstNonNull(String a, String b) {
    return a != null ? a : b;
  }
}
