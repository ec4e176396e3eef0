package corpus.indexer.gdpr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import corpus.gdpr.review.ReviewFilter;
import corpus.gdpr.review.ReviewItem;
import corpus.gdpr.review.ReviewStatus;
import corpus.gdpr.review.ReviewStore;
import corpus.gdpr.taxonomy.Category;
import corpus.gdpr.taxonomy.Taxonomy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Exports confirmed classifications as governance-as-code: one JSON file per table ({@code
 * project.dataset.table.json}) listing its fields a reviewer confirmed or changed to a personal
 * category, with info type, BigQuery policy tag, who decided and when. Fields and keys are sorted
 * and the text ends with a newline, so re-exports give clean git diffs; files of tables that no
 * longer have confirmed personal fields are removed.
 */
public final class GovernanceExport {

  /** Format tag written into every file. */
  public static final String FORMAT = "corpus-gdpr-classifications-v1";

  private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
  private final Taxonomy taxonomy;

  public GovernanceExport(Taxonomy taxonomy) {
    this.taxonomy = taxonomy;
  }

  /** Writes the files into {@code dir}; returns the tables written, sorted. */
  public List<String> write(ReviewStore store, Path dir) throws IOException, SQLException {
    Files.createDirectories(dir);
    Map<String, List<ReviewItem>> byTable = new TreeMap<>();
    for (ReviewItem i : store.queue(ReviewFilter.all().withStatuses(Set.of(ReviewStatus.CONFIRMED,
        ReviewStatus.CHANGED)))) {
      if (taxonomy.isPersonal(i.decidedCategory())) {
        byTable.computeIfAbsent(i.key().table(), k -> new ArrayList<>()).add(i);
      }
    }
    Set<String> written = new TreeSet<>();
    for (Map.Entry<String, List<ReviewItem>> e : byTable.entrySet()) {
      Path file = dir.resolve(e.getKey() + ".json");
      Files.writeString(file, render(e.getKey(), e.getValue()), StandardCharsets.UTF_8);
      written.add(file.getFileName().toString());
    }
    removeStale(dir, written);
    return List.copyOf(byTable.keySet());
  }

  String render(String table, List<ReviewItem> items) throws IOException {
    ObjectNode root = json.createObjectNode();
    root.put("format", FORMAT);
    root.put("table", table);
    root.put("taxonomyVersion", taxonomy.version());
    ArrayNode fields = root.putArray("fields");
    items.stream().sorted(Comparator.comparing(i -> i.key().field())).forEach(i -> {
      Category c = taxonomy.require(i.decidedCategory());
      ObjectNode f = fields.addObject();
      f.put("field", i.key().field());
      f.put("category", c.id());
      f.put("infoType", c.infoType());
      f.put("group", c.group().id());
      f.put("sensitivity", c.sensitivity().id());
      f.put("policyTag", c.policyTag());
      f.put("status", i.status().id());
      f.put("decidedBy", i.decidedBy());
      f.put("decidedAt", i.decidedAt());
    });
    return json.writeValueAsString(root).replace("\r\n", "\n") + "\n";
  }

  private void removeStale(Path dir, Set<String> written) throws IOException {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
      for (Path f : files) {
        if (written.contains(f.getFileName().toString())) {
          continue;
        }
        try {
          JsonNode node = json.readTree(f.toFile());
          if (node != null && FORMAT.equals(node.path("format").asText())) {
            Files.delete(f);
          }
        } catch (IOException e) {
          // not one of ours: leave it alone
        }
      }
    }
  }
}
