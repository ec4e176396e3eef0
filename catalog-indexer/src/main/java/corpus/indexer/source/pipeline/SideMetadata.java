package corpus.indexer.source.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import corpus.indexer.model.Field;
import corpus.indexer.model.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What a {@code metadata.yaml} and a {@code schema.yaml} beside a SQL file say about the table it builds
 * (the layout of bigquery-etl style repositories): friendly name, description, owners and the documented
 * schema. Either file may be missing; a malformed one is reported with its line and ignored.
 *
 * @param friendlyName {@code friendly_name}, or null
 * @param description {@code description}, or null
 * @param owners {@code owners} (a list) or {@code owner}, possibly empty
 * @param schema the {@code fields} of {@code schema.yaml}, possibly empty
 */
record SideMetadata(String friendlyName, String description, List<String> owners, List<Field> schema) {

  static final SideMetadata NONE = new SideMetadata(null, null, List.of(), List.of());

  SideMetadata {
    owners = List.copyOf(owners);
    schema = List.copyOf(schema);
  }

  /** Reads the metadata files in {@code folder}; problems go to {@code problems}. */
  static SideMetadata read(Path folder, String source, Consumer<Problem> problems) {
    YAMLMapper yaml = new YAMLMapper();
    JsonNode meta = readYaml(yaml, folder.resolve("metadata.yaml"), source, problems);
    JsonNode schemaDoc = readYaml(yaml, folder.resolve("schema.yaml"), source, problems);
    if (meta == null && schemaDoc == null) {
      return NONE;
    }
    String friendly = null;
    String description = null;
    List<String> owners = new ArrayList<>();
    if (meta != null) {
      friendly = text(meta, "friendly_name");
      description = text(meta, "description");
      JsonNode list = meta.path("owners");
      if (list.isArray()) {
        list.forEach(o -> owners.add(o.asText()));
      } else if (list.isTextual()) {
        owners.add(list.asText());
      }
      if (owners.isEmpty() && meta.path("owner").isTextual()) {
        owners.add(meta.path("owner").asText());
      }
    }
    List<Field> fields = schemaDoc == null ? List.of() : fields(schemaDoc.path("fields"));
    if (description == null && schemaDoc != null) {
      description = text(schemaDoc, "description");
    }
    return new SideMetadata(friendly, description, owners, fields);
  }

  /** The description with the owners appended, for the pipeline document; null when there is neither. */
  String describe() {
    String owned = owners.isEmpty() ? null : "Owners: " + String.join(", ", owners);
    if (description == null) {
      return owned;
    }
    return owned == null ? description : description + "\n\n" + owned;
  }

  private static JsonNode readYaml(YAMLMapper yaml, Path file, String source, Consumer<Problem> problems) {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      JsonNode node = yaml.readTree(file.toFile());
      if (node == null || node.isMissingNode() || node.isNull()) {
        return null;
      }
      if (!node.isObject()) {
        problems.accept(new Problem(source, file.toString(), 1, "expected a YAML mapping at the top"));
        return null;
      }
      return node;
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      problems.accept(new Problem(source, file.toString(), line, "malformed YAML: " + e.getOriginalMessage()));
      return null;
    } catch (IOException e) {
      problems.accept(new Problem(source, file.toString(), 0, "could not be read: " + e.getMessage()));
      return null;
    }
  }

  private static List<Field> fields(JsonNode array) {
    List<Field> out = new ArrayList<>();
    if (!array.isArray()) {
      return out;
    }
    for (JsonNode f : array) {
      String name = text(f, "name");
      if (name == null) {
        continue;
      }
      out.add(new Field(name, text(f, "type"), text(f, "mode"), text(f, "description"), List.of(),
          fields(f.path("fields"))));
    }
    return out;
  }

  private static String text(JsonNode node, String name) {
    JsonNode v = node.path(name);
    return v.isValueNode() && !v.asText().isBlank() ? v.asText().strip() : null;
  }
}
