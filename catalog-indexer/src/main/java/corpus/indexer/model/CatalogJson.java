package corpus.indexer.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The Jackson configuration for catalog model objects: ISO timestamps, nulls left out, unknown
 * properties ignored so older catalogs still open.
 */
public final class CatalogJson {

  private CatalogJson() {}

  /** A new mapper; mappers are thread-safe once configured, so keep one per component. */
  public static ObjectMapper mapper() {
    return builder().build();
  }

  /** The settings of {@link #mapper()}, for a mapper that adds its own (the index's compact JSON). */
  public static JsonMapper.Builder builder() {
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL));
  }
}
