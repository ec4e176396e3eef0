package corpus.indexer.model;

import corpus.lineage.StatementLineage;
import java.util.List;

/**
 * A pipeline definition the indexer read, with the lineage of its statements: a SQL file of a
 * pipeline repository, a dbt model, an OpenLineage job, an Airflow task, a view's SQL, or a
 * query observed in job history ({@code observed = true}).
 *
 * @param id stable id, e.g. {@code sql:creator/daily_creator_metrics/query.sql}
 * @param kind sql, dbt, openlineage, airflow, view or job
 * @param file where it was read from (path, manifest node, event file), for "where does this edge come from"
 * @param title what people call it (file name, model name, job name)
 * @param sql the SQL text when there is one (never values sampled from data)
 */
public record Pipeline(
    String id,
    String kind,
    String file,
    String title,
    String description,
    String sql,
    List<StatementLineage> statements,
    boolean observed) {

  public Pipeline {
    statements = statements == null ? List.of() : List.copyOf(statements);
  }

  /** Tables written by any statement. */
  public List<String> targets() {
    return statements.stream().flatMap(s -> s.targets().stream()).distinct().toList();
  }

  /** Tables read by any statement. */
  public List<String> sources() {
    return statements.stream().flatMap(s -> s.sources().stream()).distinct().toList();
  }
}
