package corpus.indexer.index;

import static org.assertj.core.api.Assertions.assertThat;

import corpus.indexer.model.CatalogJson;
import corpus.indexer.model.Field;
import corpus.indexer.model.PartitionStats;
import corpus.indexer.model.RangePartitioning;
import corpus.indexer.model.Table;
import corpus.indexer.model.TableId;
import corpus.indexer.model.TableKind;
import corpus.indexer.model.TimePartitioning;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.junit.jupiter.api.Test;

class StoredJsonTest {

  private static final Table TABLE = Table.builder(TableId.parse("acme-prod.creator.daily_creator_metrics"))
      .kind(TableKind.TABLE)
      .friendlyName("Daily creator metrics")
      .description("One row per creator and day")
      .labels(Map.of("owner", "creator-team", "tier", "gold"))
      .schema(List.of(
          new Field("creator_id", "STRING", "REQUIRED", "The creator", List.of("projects/p/taxonomies/1/policyTags/2"), List.of()),
          Field.of("date", "DATE"),
          new Field("actions_received", "RECORD", "REPEATED", null, List.of(), List.of(
              Field.of("metric_name", "STRING"),
              new Field("value", "INT64", "NULLABLE", "How many", List.of(), List.of())))))
      .timePartitioning(new TimePartitioning("DAY", "date", 86_400_000L, true))
      .rangePartitioning(new RangePartitioning("creator_bucket", 0, 100, 10))
      .clustering(List.of("creator_id"))
      .numRows(12L)
      .numBytes(3_400L)
      .location("EU")
      .creationTime(Instant.parse("2024-01-02T03:04:05.678Z"))
      .lastModifiedTime(Instant.parse("2026-11-01T00:00:00Z"))
      .partitions(List.of(new PartitionStats("20261101", 4L, 100L, Instant.parse("2026-11-01T01:00:00Z"))))
      .build();

  @Test
  void aTableReadsBackEqualFromItsCompactJson() throws Exception {
    Document doc = new Document();
    doc.add(StoredJson.field(IndexFields.JSON, StoredJson.table(TABLE)));

    assertThat(StoredJson.read(doc, IndexFields.JSON, Table.class)).isEqualTo(TABLE);
  }

  @Test
  void leavesOutEmptyListsAndDerivedFlags() {
    String json = new String(StoredJson.table(TABLE), StandardCharsets.UTF_8);
    String verbose = CatalogJson.mapper().valueToTree(TABLE).toString();

    assertThat(json).doesNotContain("\"fields\":[]", "\"policyTags\":[]", "\"repeated\"", "\"record\"",
        "\"partitioned\"");
    assertThat(json).contains("\"policyTags\":[\"projects/p/taxonomies/1/policyTags/2\"]", "\"mode\":\"REPEATED\"");
    assertThat(json.length()).isLessThan(verbose.length());
  }

  @Test
  void readsTheTextJsonOfCatalogsWrittenBefore() throws Exception {
    Document doc = new Document();
    doc.add(new StoredField(IndexFields.JSON, CatalogJson.mapper().writeValueAsString(TABLE)));

    assertThat(StoredJson.read(doc, IndexFields.JSON, Table.class)).isEqualTo(TABLE);
    assertThat(StoredJson.read(new Document(), IndexFields.JSON, Table.class)).isNull();
  }
}
