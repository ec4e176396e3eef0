package corpus.indexer.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import corpus.indexer.model.CatalogJson;
import corpus.indexer.model.Dataset;
import corpus.indexer.model.Doc;
import corpus.indexer.model.DocSection;
import corpus.indexer.model.Field;
import corpus.indexer.model.Pipeline;
import corpus.indexer.model.Table;
import corpus.indexer.model.TableTraits;
import corpus.indexer.model.TableUsage;
import corpus.indexer.scd.ScdNames;
import corpus.indexer.scd.ScdRecognizer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.DoubleDocValuesField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;

/**
 * Turns catalog entities into Lucene documents: one per dataset, table (carrying its fields), doc
 * section and pipeline, plus a stored-only record of each whole doc.
 */
public final class DocumentFactory {

  private static final int MAX_DOC_TEXT = 20_000;

  /** Field names are matched word by word, never as phrases: no positions, a smaller and faster index. */
  private static final FieldType WORDS_AND_FREQS = wordsAndFreqs();
  /** Beginnings of names only say whether a document has one: no frequencies, positions or norms. */
  private static final FieldType PREFIXES = prefixes();

  /** Where {@link #facetsConfig()} keeps every dimension's values and drill-down terms. */
  private static final String FACETS_FIELD = FacetsConfig.DEFAULT_INDEX_FIELD_NAME;

  private final ObjectMapper json = CatalogJson.mapper();
  private final FieldClassifications classifications;
  private final ScdRecognizer scdRecognizer = new ScdRecognizer(ScdNames.DEFAULTS);

  public DocumentFactory() {
    this(FieldClassifications.NONE);
  }

  public DocumentFactory(FieldClassifications classifications) {
    this.classifications = classifications;
  }

  private static FieldType wordsAndFreqs() {
    FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
    type.freeze();
    return type;
  }

  private static FieldType prefixes() {
    FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
    type.setIndexOptions(IndexOptions.DOCS);
    type.setOmitNorms(true);
    type.freeze();
    return type;
  }

  /** The facet configuration shared by the writer and the searcher. */
  public static FacetsConfig facetsConfig() {
    FacetsConfig config = new FacetsConfig();
    config.setMultiValued(IndexFields.FACET_LABEL, true);
    config.setMultiValued(IndexFields.FACET_TYPE, true); // a table has fields of several types
    // drill-down needs only the dimension/value terms, not one term per dimension in every document
    for (String dim : List.of(IndexFields.FACET_KIND, IndexFields.FACET_PROJECT, IndexFields.FACET_DATASET,
        IndexFields.FACET_TIER, IndexFields.FACET_OWNER, IndexFields.FACET_TYPE, IndexFields.FACET_LABEL,
        IndexFields.FACET_SCD_KEY)) {
      config.setDrillDownTermsIndexing(dim, FacetsConfig.DrillDownTermsIndexing.FULL_PATH_ONLY);
    }
    return config;
  }

  /** The document of one table, which also carries its fields (there is no document per field). */
  Document table(Table table, Dataset dataset, TableExtras extras, String source) throws IOException {
    return table(table, dataset, extras, source, null);
  }

  /** The document of one table, recording {@code state} for later incremental updates when given. */
  Document table(Table table, Dataset dataset, TableExtras extras, String source, PreviousIndex.TableState state)
      throws IOException {
    return table(table, dataset, extras, source, state, null);
  }

  /**
   * As above, with the table's JSON when the caller has serialised it already (null: serialise here).
   *
   * <p>A catalog has thirty times more fields than tables, so fields have no documents of their
   * own: the table's document indexes their names, paths and descriptions (for matching and
   * ranking), their exact names, types and personal-data categories (for exact matches and
   * filters), and stores them compactly ({@link FieldRows}) so search can name the fields that
   * matched and list fields as results.
   */
  Document table(Table table, Dataset dataset, TableExtras extras, String source, PreviousIndex.TableState state,
      byte[] tableJson) throws IOException {
    TableUsage usage = extras.usage();
    String docText = extras.docText();
    double boost = Ranking.boost(table, dataset, usage);
    String tier = TableTraits.tier(table, dataset);
    String owner = TableTraits.owner(table, dataset);
    List<Field.Flat> flat = table.flatFields();
    List<List<String>> categories = new ArrayList<>(flat.size());
    Set<String> tableCategories = new LinkedHashSet<>();
    for (Field.Flat f : flat) {
      List<String> c = classifications.categories(table, f);
      categories.add(c);
      tableCategories.addAll(c);
    }
    List<String> badges = new ArrayList<>(TableTraits.badges(table, dataset));
    if (!tableCategories.isEmpty()) {
      badges.add("personal data");
    }
    String id = table.id().toString();

    Document doc = base("table", id, id, table.id().project(), table.id().dataset(), source);
    name(doc, table.id().table());
    if (table.friendlyName() != null) {
      name(doc, table.friendlyName());
    }
    doc.add(new TextField(IndexFields.PATH, table.id().dataset() + "." + table.id().table(), Store.NO));
    exact(doc, IndexFields.EXACT, table.id().table(), table.id().dataset() + "." + table.id().table(), id);
    namePrefixes(doc, table.id().table());
    doc.add(new StringField(IndexFields.COMPLETE_TABLE, table.id().table().toLowerCase(Locale.ROOT), Store.NO));
    doc.add(new StringField(IndexFields.COMPLETE_TABLE,
        (table.id().dataset() + "." + table.id().table()).toLowerCase(Locale.ROOT), Store.NO));
    if (table.description() != null) {
      doc.add(new TextField(IndexFields.DESCRIPTION, table.description(), Store.NO));
    }
    fields(doc, flat);
    if (docText != null && !docText.isEmpty()) {
      doc.add(new TextField(IndexFields.DOC_TEXT, truncate(docText), Store.NO));
    }
    for (String category : tableCategories) {
      doc.add(new StringField(IndexFields.PII, category, Store.NO));
    }
    for (String up : extras.upstream()) {
      doc.add(new StringField(IndexFields.UPSTREAM, up, Store.YES));
    }
    for (String down : extras.downstream()) {
      doc.add(new StringField(IndexFields.DOWNSTREAM, down, Store.YES));
    }
    labelsAndFlags(doc, table, dataset, tier, owner, badges);
    doc.add(new StoredField(IndexFields.TITLE, id));
    doc.add(new StoredField(IndexFields.SNIPPET, orEmpty(table.description())));
    doc.add(FieldRows.field(FieldRows.encode(flat, categories)));
    doc.add(new NumericDocValuesField(IndexFields.FIELD_COUNT, flat.size()));
    doc.add(StoredJson.field(IndexFields.JSON, tableJson != null ? tableJson : StoredJson.table(table)));
    if (state != null) {
      doc.add(new BinaryDocValuesField(IndexFields.STATE_DV, new BytesRef(state.encode())));
    }
    if (usage != null) {
      doc.add(new StoredField(IndexFields.USAGE_JSON, json.writeValueAsString(usage)));
      doc.add(new NumericDocValuesField(IndexFields.POPULARITY, usage.queryCount()));
    }
    doc.add(new NumericDocValuesField(IndexFields.MODIFIED,
        table.lastModifiedTime() == null ? 0 : table.lastModifiedTime().toEpochMilli()));
    // the kind facet says what the entity is (table, view, materialized_view, external, snapshot)
    rankAndFacets(doc, table.kind().label(), table.id().project(), table.id().dataset(), tier, owner,
        table.labels(), boost, id); // sorted by name as shown: the table's id
    scdRecognizer.recognizeWithDocText(table, dataset, docText)
        .filter(scd -> !scd.key().columns().isEmpty())
        .ifPresent(scd -> facet(doc, IndexFields.FACET_SCD_KEY, scd.key().text()));
    return doc;
  }

  /** What a table's document indexes of its fields: words of names and descriptions, exact names, types. */
  private void fields(Document doc, List<Field.Flat> flat) {
    StringBuilder names = new StringBuilder();
    StringBuilder bodies = new StringBuilder();
    Set<String> types = new HashSet<>(); // as the schema spells them; a table has a handful
    for (Field.Flat f : flat) {
      names.append(f.path()).append(' ');
      if (f.field().description() != null) {
        bodies.append(f.field().description()).append('\n');
      }
      // the exact names: path and own name (a query with spaces for `_` looks for the `_` form);
      // a name twice (`id` in two records) is harmless in a field that only records presence
      doc.add(new StringField(IndexFields.EXACT_FIELD, f.path().toLowerCase(Locale.ROOT), Store.NO));
      if (f.depth() > 0) {
        doc.add(new StringField(IndexFields.EXACT_FIELD, f.field().name().toLowerCase(Locale.ROOT), Store.NO));
      }
      types.add(f.field().type());
    }
    doc.add(new org.apache.lucene.document.Field(IndexFields.FIELD_NAMES, names.toString(), WORDS_AND_FREQS));
    doc.add(new TextField(IndexFields.BODY, bodies.toString(), Store.NO));
    for (String type : types) {
      facet(doc, IndexFields.FACET_TYPE, type.toLowerCase(Locale.ROOT));
    }
  }

  /** The dataset's document. */
  public Document dataset(Dataset dataset, String source) throws IOException {
    Document doc = base("dataset", dataset.id(), null, dataset.project(), dataset.dataset(), source);
    name(doc, dataset.dataset());
    exact(doc, IndexFields.EXACT, dataset.dataset(), dataset.id());
    namePrefixes(doc, dataset.dataset());
    if (dataset.description() != null) {
      doc.add(new TextField(IndexFields.DESCRIPTION, dataset.description(), Store.NO));
    }
    String tier = dataset.labels().get("tier");
    String owner = dataset.labels().get("owner");
    for (Map.Entry<String, String> e : dataset.labels().entrySet()) {
      doc.add(new StringField(IndexFields.LABEL, (e.getKey() + "=" + e.getValue()).toLowerCase(Locale.ROOT), Store.NO));
    }
    doc.add(new StoredField(IndexFields.TITLE, dataset.id()));
    doc.add(new StoredField(IndexFields.SNIPPET, orEmpty(dataset.description())));
    doc.add(new StoredField(IndexFields.JSON, json.writeValueAsString(dataset)));
    rankAndFacets(doc, "dataset", dataset.project(), dataset.dataset(), tier, owner, dataset.labels(), 0.7, dataset.id());
    return doc;
  }

  /** One searchable document per section of a design doc, and a stored record of the whole doc. */
  public List<Document> doc(Doc d, List<String> mentionedTables, String source) throws IOException {
    List<Document> docs = new ArrayList<>();
    Document file = new Document();
    file.add(new StringField(IndexFields.ID, "docfile:" + d.id(), Store.YES));
    file.add(new StringField(IndexFields.KIND, "docfile", Store.YES));
    file.add(new StringField(IndexFields.SOURCE, source, Store.YES));
    for (String t : mentionedTables) {
      file.add(new StringField(IndexFields.MENTIONS, t, Store.YES));
    }
    file.add(new StoredField(IndexFields.JSON, json.writeValueAsString(d)));
    docs.add(file);
    for (DocSection s : d.sections()) {
      String anchor = s.anchor() == null || s.anchor().isEmpty() ? "" : "#" + s.anchor();
      Document doc = base("doc", "doc:" + d.id() + anchor, null, null, null, source);
      name(doc, d.title());
      if (s.heading() != null) {
        doc.add(new TextField(IndexFields.DESCRIPTION, s.heading(), Store.NO));
      }
      doc.add(new TextField(IndexFields.BODY, truncate(s.text()), Store.NO));
      for (String t : mentionedTables) {
        doc.add(new StringField(IndexFields.MENTIONS, t, Store.YES));
      }
      String title = s.heading() == null || s.heading().equals(d.title()) ? d.title() : d.title() + " › " + s.heading();
      doc.add(new StoredField(IndexFields.TITLE, title));
      doc.add(new StoredField(IndexFields.SNIPPET, abbreviate(s.text(), 240)));
      rankAndFacets(doc, "doc", null, null, null, null, Map.of(), 0.8, title);
      docs.add(doc);
    }
    return docs;
  }

  /** The searchable document of a pipeline definition, with its lineage stored. */
  public Document pipeline(Pipeline p, String source) throws IOException {
    Document doc = base("pipeline", "pipeline:" + p.id(), null, null, null, source);
    name(doc, p.title());
    doc.add(new TextField(IndexFields.PATH, p.file() == null ? p.title() : p.file(), Store.NO));
    if (p.description() != null) {
      doc.add(new TextField(IndexFields.DESCRIPTION, p.description(), Store.NO));
    }
    if (p.sql() != null) {
      doc.add(new TextField(IndexFields.BODY, truncate(p.sql()), Store.NO));
    }
    for (String t : p.targets()) {
      doc.add(new StringField(IndexFields.DOWNSTREAM, t, Store.NO));
      doc.add(new StringField(IndexFields.MENTIONS, t, Store.NO));
    }
    for (String t : p.sources()) {
      doc.add(new StringField(IndexFields.UPSTREAM, t, Store.NO));
      doc.add(new StringField(IndexFields.MENTIONS, t, Store.NO));
    }
    String targets = String.join(", ", p.targets());
    doc.add(new StoredField(IndexFields.TITLE, p.title()));
    doc.add(new StoredField(IndexFields.SNIPPET, (p.observed() ? "observed · " : "") + p.kind()
        + (targets.isEmpty() ? "" : " → " + targets)));
    doc.add(new StoredField(IndexFields.JSON, json.writeValueAsString(p)));
    rankAndFacets(doc, "pipeline", null, null, null, null, Map.of(), 0.8, p.title());
    return doc;
  }

  private static Document base(String kind, String id, String table, String project, String dataset, String source) {
    Document doc = new Document();
    doc.add(new StringField(IndexFields.ID, id, Store.YES));
    doc.add(new BinaryDocValuesField(IndexFields.ID_DV, new BytesRef(id)));
    doc.add(new StringField(IndexFields.KIND, kind, Store.YES));
    doc.add(new SortedDocValuesField(IndexFields.KIND_DV, new BytesRef(kind)));
    if (table != null) {
      doc.add(new StringField(IndexFields.TABLE, table, Store.YES));
    }
    if (project != null) {
      doc.add(new StringField(IndexFields.PROJECT, project.toLowerCase(Locale.ROOT), Store.NO));
    }
    if (dataset != null) {
      doc.add(new StringField(IndexFields.DATASET, dataset.toLowerCase(Locale.ROOT), Store.NO));
    }
    doc.add(new StringField(IndexFields.SOURCE, source, Store.YES));
    return doc;
  }

  /** A name of the entity, matched word by word and by the beginnings of its words. */
  private static void name(Document doc, String name) {
    doc.add(new TextField(IndexFields.NAME, name, Store.NO));
    doc.add(new org.apache.lucene.document.Field(IndexFields.NAME_PREFIX, name, PREFIXES));
  }

  /**
   * The beginnings of a table's or dataset's own name as typed so far ({@code user_se}); a
   * beginning with a dot ({@code analytics.user}) is looked up among the {@link #exact} names.
   */
  private static void namePrefixes(Document doc, String name) {
    doc.add(new org.apache.lucene.document.Field(IndexFields.EXACT_PREFIX, name.toLowerCase(Locale.ROOT), PREFIXES));
  }

  /** Names a query may equal; {@code rights_feed} also as {@code rights feed}, as people type it. */
  private static void exact(Document doc, String field, String... names) {
    Set<String> forms = new LinkedHashSet<>();
    for (String n : names) {
      String lower = n.toLowerCase(Locale.ROOT);
      forms.add(lower);
      forms.add(lower.replace('_', ' '));
    }
    for (String form : forms) {
      doc.add(new StringField(field, form, Store.NO));
    }
  }

  private static void labelsAndFlags(
      Document doc, Table table, Dataset dataset, String tier, String owner, List<String> badges) {
    for (Map.Entry<String, String> e : table.labels().entrySet()) {
      doc.add(new StringField(IndexFields.LABEL, (e.getKey() + "=" + e.getValue()).toLowerCase(Locale.ROOT), Store.NO));
    }
    if (owner != null) {
      doc.add(new StringField(IndexFields.OWNER, owner.toLowerCase(Locale.ROOT), Store.NO));
    }
    if (tier != null) {
      doc.add(new StringField(IndexFields.TIER, tier.toLowerCase(Locale.ROOT), Store.NO));
    }
    for (String badge : badges) {
      doc.add(new StringField(IndexFields.FLAGS, badge, Store.NO));
      doc.add(new StoredField(IndexFields.BADGES, badge));
    }
  }

  private static void rankAndFacets(
      Document doc, String kind, String project, String dataset, String tier, String owner,
      Map<String, String> labels, double boost, String sortName) {
    doc.add(new DoubleDocValuesField(IndexFields.BOOST, boost));
    doc.add(new SortedDocValuesField(IndexFields.SORT_NAME, new BytesRef(sortName.toLowerCase(Locale.ROOT))));
    facetFields(doc, kind, project, dataset, tier, owner, labels);
  }

  private static void facetFields(Document doc, String kind, String project, String dataset, String tier,
      String owner, Map<String, String> labels) {
    facet(doc, IndexFields.FACET_KIND, kind);
    facet(doc, IndexFields.FACET_PROJECT, project);
    facet(doc, IndexFields.FACET_DATASET, dataset);
    facet(doc, IndexFields.FACET_TIER, tier);
    facet(doc, IndexFields.FACET_OWNER, owner);
    for (Map.Entry<String, String> e : labels.entrySet()) {
      if (!e.getValue().isEmpty()) {
        facet(doc, IndexFields.FACET_LABEL, e.getKey() + "=" + e.getValue());
      }
    }
  }

  /**
   * One value of a facet dimension, written as {@link FacetsConfig#build} writes a {@code
   * SortedSetDocValuesFacetField} under {@link #facetsConfig()} (the value for counting, its
   * full path as the drill-down term), without rebuilding the whole document around it; {@code
   * DocumentFactoryTest} holds the two to the same fields. No value (null or empty), no facet.
   */
  private static void facet(Document doc, String dim, String value) {
    if (value == null || value.isEmpty()) {
      return;
    }
    String path = FacetsConfig.pathToString(dim, value);
    doc.add(new SortedSetDocValuesField(FACETS_FIELD, new BytesRef(path)));
    doc.add(new StringField(FACETS_FIELD, path, Store.NO));
  }

  private static String truncate(String text) {
    return text.length() <= MAX_DOC_TEXT ? text : text.substring(0, MAX_DOC_TEXT);
  }

  static String abbreviate(String text, int max) {
    String t = text.replaceAll("\\s+", " ").strip();
    return t.length() <= max ? t : t.substring(0, max - 1) + "…";
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
