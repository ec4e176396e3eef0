package corpus.indexer.index;

import static org.assertj.core.api.Assertions.assertThat;

import corpus.indexer.model.Dataset;
import corpus.indexer.model.Field;
import corpus.indexer.model.Table;
import corpus.indexer.model.TableId;
import corpus.indexer.model.TableKind;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexableField;
import org.junit.jupiter.api.Test;

class DocumentFactoryTest {

  private static final Dataset DATASET =
      new Dataset("acme-prod", "creator", "EU", "Creator data", Map.of("owner", "creator-team"), null, null);

  private static final Table SCD_VIEW = Table.builder(TableId.parse("acme-prod.creator.creator_history"))
      .kind(TableKind.VIEW)
      .labels(Map.of("tier", "gold", "scd_key", "creator_id", "env", "prod", "draft", ""))
      .schema(List.of(
          Field.of("creator_id", "STRING"),
          Field.of("Valid_From", "TIMESTAMP"),
          Field.of("valid_to", "TIMESTAMP"),
          new Field("plays", "RECORD", "REPEATED", null, List.of(), List.of(
              Field.of("day", "DATE"),
              Field.of("count", "INT64")))))
      .build();

  @Test
  void facetFieldsAreWhatLuceneFacetsConfigWouldWrite() throws Exception {
    Document ours = new DocumentFactory().table(SCD_VIEW, DATASET, TableExtras.NONE, "test");

    Document reference = new Document();
    for (String[] dimValue : new String[][] {
        {IndexFields.FACET_KIND, "view"}, {IndexFields.FACET_PROJECT, "acme-prod"},
        {IndexFields.FACET_DATASET, "creator"}, {IndexFields.FACET_TIER, "gold"},
        {IndexFields.FACET_OWNER, "creator-team"}, {IndexFields.FACET_LABEL, "tier=gold"},
        {IndexFields.FACET_LABEL, "scd_key=creator_id"}, {IndexFields.FACET_LABEL, "env=prod"},
        {IndexFields.FACET_TYPE, "string"}, {IndexFields.FACET_TYPE, "timestamp"},
        {IndexFields.FACET_TYPE, "record"}, {IndexFields.FACET_TYPE, "date"},
        {IndexFields.FACET_TYPE, "int64"}, {IndexFields.FACET_SCD_KEY, "creator_id"}}) {
      reference.add(new SortedSetDocValuesFacetField(dimValue[0], dimValue[1]));
    }
    Document built = DocumentFactory.facetsConfig().build(reference);

    assertThat(facetFields(ours)).containsExactlyInAnyOrderElementsOf(facetFields(built));
  }

  @Test
  void badgesReadTheSchemaWhateverTheCaseOfItsNames() throws Exception {
    Table described = SCD_VIEW.toBuilder().description("Creators over time").schema(List.of(
        new Field("creator_id", "STRING", "NULLABLE", "The creator", List.of(), List.of()),
        new Field("VALID_FROM", "TIMESTAMP", "NULLABLE", "From", List.of(), List.of()),
        Field.of("Valid_To", "TIMESTAMP"),
        new Field("plays", "RECORD", "REPEATED", "Plays", List.of(), List.of(Field.of("day", "DATE"))))).build();

    assertThat(new DocumentFactory().table(described, DATASET, TableExtras.NONE, "test").getValues(IndexFields.BADGES))
        .containsExactly("published", "documented", "scd2", "view"); // tiered; 3 of 5 fields described
    assertThat(new DocumentFactory().table(SCD_VIEW, DATASET, TableExtras.NONE, "test").getValues(IndexFields.BADGES))
        .containsExactly("published", "scd2", "view");
  }

  @Test
  void anEmptyLabelValueIsNoFacetValueAndNoFailure() throws Exception {
    Table emptyTier = SCD_VIEW.toBuilder().labels(Map.of("tier", "")).build();

    Document doc = new DocumentFactory().table(emptyTier, DATASET, TableExtras.NONE, "test");

    assertThat(facetFields(doc)).noneMatch(f -> f.startsWith("sorted_set " + IndexFields.FACET_TIER))
        .anyMatch(f -> f.startsWith("sorted_set " + IndexFields.FACET_OWNER));
  }

  /** The facet fields of a document as "doc-values-type value" (drill-down terms have no doc values). */
  private static List<String> facetFields(Document doc) {
    return doc.getFields().stream()
        .filter(f -> f.name().equals(FacetsConfig.DEFAULT_INDEX_FIELD_NAME))
        .map(DocumentFactoryTest::describe)
        .toList();
  }

  private static String describe(IndexableField f) {
    String value = f.binaryValue() != null ? f.binaryValue().utf8ToString() : f.stringValue();
    return f.fieldType().docValuesType().name().toLowerCase(java.util.Locale.ROOT) + " "
        + value.replace(FacetsConfig.DELIM_CHAR, '/') + " indexed=" + f.fieldType().indexOptions()
        + " stored=" + f.fieldType().stored();
  }
}
