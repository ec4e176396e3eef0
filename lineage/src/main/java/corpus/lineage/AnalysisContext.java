package corpus.lineage;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything an analysis needs besides the SQL: defaults for unqualified table names, the schemas the catalog
 * knows, and parameters for Jinja-templated files.
 *
 * @param defaultProject project of tables named {@code dataset.table} or {@code table}; may be null
 * @param defaultDataset dataset of tables named {@code table}; may be null
 * @param schemas columns of known tables
 * @param templateParameters values for {@code {{ name }}} placeholders; empty means templated files are reported
 *     as such rather than rendered
 */
public record AnalysisContext(
    String defaultProject,
    String defaultDataset,
    SchemaProvider schemas,
    Optional<Map<String, String>> templateParameters) {

  public AnalysisContext {
    schemas = Objects.requireNonNullElse(schemas, SchemaProvider.none());
    templateParameters = templateParameters == null ? Optional.empty() : templateParameters.map(Map::copyOf);
  }

  /** A context without defaults, schemas or template parameters. */
  public static AnalysisContext empty() {
    return new AnalysisContext(null, null, SchemaProvider.none(), Optional.empty());
  }

  /** A context with default project and dataset only. */
  public static AnalysisContext withDefaults(String project, String dataset) {
    return new AnalysisContext(project, dataset, SchemaProvider.none(), Optional.empty());
  }

  /** This context with {@code provider} as schema source. */
  public AnalysisContext withSchemas(SchemaProvider provider) {
    return new AnalysisContext(defaultProject, defaultDataset, provider, templateParameters);
  }

  /** This context with template parameters, so that templated files are rendered before analysis. */
  public AnalysisContext withTemplateParameters(Map<String, String> parameters) {
    return new AnalysisContext(defaultProject, defaultDataset, schemas, Optional.of(parameters));
  }
}
