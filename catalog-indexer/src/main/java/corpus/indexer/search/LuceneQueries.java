package corpus.indexer.search;

import corpus.indexer.index.Analyzers;
import corpus.indexer.index.IndexFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;

/**
 * Builds the Lucene query for a parsed user query: every word is looked for in names, paths,
 * descriptions and docs with field weights; documents rank by how many words match and an exact
 * name or id match ranks first; filters restrict without scoring.
 */
public final class LuceneQueries {

  /** Field weights: names over descriptions over design-doc text. */
  static final float NAME = 5f;
  static final float PATH = 3f;
  static final float FIELD_NAMES = 1.2f;
  static final float DESCRIPTION = 2f;
  static final float BODY = 0.8f;
  static final float DOC_TEXT = 0.4f;
  static final float EXACT_WORD = 6f;
  static final float EXACT_QUERY = 40f;
  static final float PREFIX = 1.5f;
  /** A table named exactly like one word of a several-word query: a hint, not the answer. */
  static final float EXACT_WORD_OF_MANY = 2f;
  static final float PROXIMITY = 1.5f;
  /** A field named exactly like the query or a word, relative to a table so named. */
  static final float EXACT_FIELD = 0.85f;
  static final int PROXIMITY_SLOP = 3;

  /** Weight of a synonym relative to the word the user typed. */
  static final float SYNONYM = 0.4f;

  private final Analyzer identifier = Analyzers.identifier();
  private final Analyzer prose = Analyzers.prose();
  private final Synonyms synonyms;

  LuceneQueries(Synonyms synonyms) {
    this.synonyms = synonyms;
  }

  /** The scoring text part plus the non-scoring filters; {@code fuzzy} matches words within edits. */
  public Query build(QuerySyntax.Parsed parsed, boolean fuzzy) {
    return build(parsed, fuzzy, List.of());
  }

  /**
   * As {@link #build(QuerySyntax.Parsed, boolean)}, where the whole query also names each of the
   * fields in {@code qualifiedFields} (a field named with its table, resolved by the caller against
   * the catalog).
   */
  public Query build(QuerySyntax.Parsed parsed, boolean fuzzy, List<FieldRef> qualifiedFields) {
    return build(parsed, qualifiedFields, wordQueries(parsed, fuzzy));
  }

  /**
   * As {@link #build(QuerySyntax.Parsed, boolean, List)}, with the {@link #wordQueries} the caller
   * made (and may have rewritten against its searcher once, for the several uses one search makes
   * of them: a typo-tolerant word expands to its terms by walking the terms dictionary).
   */
  Query build(QuerySyntax.Parsed parsed, List<FieldRef> qualifiedFields, List<Query> words) {
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    if (parsed.hasFreeText()) {
      // a doc file's stored record has no text fields: words never match it
      query.add(text(parsed, qualifiedFields, words), Occur.MUST);
    } else {
      query.add(new MatchAllDocsQuery(), Occur.MUST);
      query.add(new TermQuery(new Term(IndexFields.KIND, "docfile")), Occur.MUST_NOT);
    }
    for (String word : parsed.excluded()) {
      // an excluded word drops the entities it names or describes
      BooleanQuery.Builder any = new BooleanQuery.Builder();
      for (String token : analyze(identifier, word)) {
        any.add(new TermQuery(new Term(IndexFields.NAME, token)), Occur.SHOULD);
        any.add(new TermQuery(new Term(IndexFields.PATH, token)), Occur.SHOULD);
      }
      for (String token : analyze(prose, word)) {
        any.add(new TermQuery(new Term(IndexFields.DESCRIPTION, token)), Occur.SHOULD);
      }
      BooleanQuery named = any.build();
      if (!named.clauses().isEmpty()) {
        query.add(named, Occur.MUST_NOT);
      }
    }
    for (Map.Entry<String, List<QuerySyntax.Filter>> e : parsed.filtersByKey().entrySet()) {
      BooleanQuery.Builder any = new BooleanQuery.Builder();
      boolean positive = false;
      for (QuerySyntax.Filter f : e.getValue()) {
        Query q = filter(f.key(), f.value());
        if (f.negated()) {
          query.add(q, Occur.MUST_NOT);
        } else {
          any.add(q, Occur.SHOULD);
          positive = true;
        }
      }
      if (positive) {
        query.add(any.build(), Occur.FILTER);
      }
    }
    return query.build();
  }

  private Query text(QuerySyntax.Parsed parsed, List<FieldRef> qualifiedFields, List<Query> words) {
    BooleanQuery.Builder text = new BooleanQuery.Builder();
    String whole = parsed.freeText();
    text.add(new BoostQuery(new TermQuery(new Term(IndexFields.EXACT, whole)), EXACT_QUERY), Occur.SHOULD);
    // field names have no spaces: `user id` means `user_id`
    text.add(new BoostQuery(new TermQuery(new Term(IndexFields.EXACT_FIELD, whole.replace(' ', '_'))),
        EXACT_QUERY * EXACT_FIELD), Occur.SHOULD);
    for (FieldRef field : qualifiedFields) {
      // the table named with one of its fields: as strong as the table's own name
      Query named = new BooleanQuery.Builder()
          .add(new TermQuery(new Term(IndexFields.ID, field.table())), Occur.MUST)
          .add(new TermQuery(new Term(IndexFields.EXACT_FIELD, field.path())), Occur.MUST)
          .build();
      text.add(new BoostQuery(named, EXACT_QUERY), Occur.SHOULD);
    }
    for (Query word : words) {
      // a word's fields are clauses of the query itself (scores add up across fields): block-max
      // skipping can then pass over documents that match only common words in long text
      if (word instanceof DisjunctionMaxQuery fields) {
        fields.getDisjuncts().forEach(f -> text.add(f, Occur.SHOULD));
      } else {
        text.add(word, Occur.SHOULD);
      }
    }
    List<String> proseTokens = analyze(prose, String.join(" ", parsed.words().stream().filter(w -> !isFiller(w)).toList()));
    for (int i = 0; i + 1 < proseTokens.size(); i++) {
      // neighbouring words that also stand close together in a description, as the user typed them
      text.add(new BoostQuery(new PhraseQuery(PROXIMITY_SLOP, IndexFields.DESCRIPTION, proseTokens.get(i),
          proseTokens.get(i + 1)), PROXIMITY), Occur.SHOULD);
    }
    return text.build();
  }

  /** One query per word and phrase the user typed (stop words left out), for scoring and coverage. */
  public List<Query> wordQueries(QuerySyntax.Parsed parsed, boolean fuzzy) {
    List<Query> out = new ArrayList<>();
    List<String> words = parsed.words().stream().filter(w -> !isFiller(w)).toList();
    if (words.isEmpty()) {
      words = parsed.words();
    }
    for (int i = 0; i < words.size(); i++) {
      boolean last = i == words.size() - 1;
      Query word = word(words.get(i), last && parsed.endsInWord(), fuzzy, synonyms,
          words.size() + parsed.phrases().size() > 1 ? EXACT_WORD_OF_MANY : EXACT_WORD);
      if (word != null) {
        out.add(word);
      }
    }
    for (String phrase : parsed.phrases()) {
      out.add(phrase(phrase));
    }
    return out;
  }

  /** Words that carry no meaning in a catalog query ("every play of a track"): left out of matching. */
  static final java.util.Set<String> FILLER = java.util.Set.of(
      "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "into", "is", "it", "of", "on", "or",
      "the", "to", "with", "every", "each", "all", "which", "who", "what", "where", "when", "how", "that", "this",
      "there", "their", "its", "per", "me", "my", "show", "find", "list", "get");

  private static boolean isFiller(String word) {
    return FILLER.contains(word.toLowerCase(Locale.ROOT));
  }

  /**
   * The best of a word's matches across fields (dis-max), so one word counts once. Its one-word
   * synonyms join the word in each field as one {@link SynonymQuery} at a lower weight (one scorer
   * per field however many synonyms a word has, which keeps a query cheap at millions of fields);
   * synonyms of several words are phrases.
   */
  private Query word(String word, boolean prefix, boolean fuzzy, Synonyms expansions, float exactBoost) {
    List<Query> alternatives = new ArrayList<>();
    List<String> idTokens = analyze(identifier, word);
    List<String> proseTokens = analyze(prose, word);
    if (idTokens.isEmpty() && proseTokens.isEmpty()) {
      return null;
    }
    String lower = word.toLowerCase(Locale.ROOT);
    List<String> idSynonyms = new ArrayList<>();
    List<String> proseSynonyms = new ArrayList<>();
    List<String> exactSynonyms = new ArrayList<>();
    for (String synonym : expansions.of(lower)) {
      if (synonym.contains(" ")) {
        alternatives.add(new BoostQuery(phrase(synonym), SYNONYM));
        continue;
      }
      exactSynonyms.add(synonym);
      analyze(identifier, synonym).stream().filter(t -> !idTokens.contains(t) && !idSynonyms.contains(t))
          .forEach(idSynonyms::add);
      analyze(prose, synonym).stream().filter(t -> !proseTokens.contains(t) && !proseSynonyms.contains(t))
          .forEach(proseSynonyms::add);
    }
    alternatives.add(new BoostQuery(synonyms(IndexFields.EXACT, List.of(lower), exactSynonyms), exactBoost));
    alternatives.add(new BoostQuery(new TermQuery(new Term(IndexFields.EXACT_FIELD, lower)), exactBoost * EXACT_FIELD));
    addAll(alternatives, IndexFields.NAME, idTokens, idSynonyms, NAME, fuzzy, true);
    addAll(alternatives, IndexFields.PATH, idTokens, idSynonyms, PATH, fuzzy, true);
    addAll(alternatives, IndexFields.FIELD_NAMES, idTokens, idSynonyms, FIELD_NAMES, fuzzy, true);
    addAll(alternatives, IndexFields.DESCRIPTION, proseTokens, proseSynonyms, DESCRIPTION, false, true);
    addAll(alternatives, IndexFields.BODY, proseTokens, proseSynonyms, BODY, false, true);
    addAll(alternatives, IndexFields.DOC_TEXT, proseTokens, proseSynonyms, DOC_TEXT, false, false);
    if (prefix && lower.length() >= 2) {
      boolean dotted = lower.indexOf('.') >= 0;
      // a name word starting so; a prefix of several word parts (`user_se`) can only start a whole name
      alternatives.add(new BoostQuery(isWordPart(lower) ? prefix(IndexFields.NAME, IndexFields.NAME_PREFIX, lower, true)
          : prefix(IndexFields.NAME, IndexFields.EXACT_PREFIX, lower, !dotted), PREFIX));
      alternatives.add(new BoostQuery(prefix(IndexFields.EXACT, IndexFields.EXACT_PREFIX, lower, !dotted), PREFIX));
    }
    return new DisjunctionMaxQuery(alternatives, 0.1f);
  }

  /**
   * The documents with a term of {@code field} that starts with {@code prefix}, scored alike: one
   * term of the indexed beginnings in {@code prefixField} when they hold it (a common prefix would
   * otherwise expand to thousands of terms on every keystroke), else the few terms that start so.
   */
  private static Query prefix(String field, String prefixField, String prefix, boolean indexed) {
    if (indexed && prefix.length() <= Analyzers.MAX_PREFIX) {
      return new ConstantScoreQuery(new TermQuery(new Term(prefixField, prefix)));
    }
    return new PrefixQuery(new Term(field, prefix));
  }

  /** One word part as the identifier analyzer splits names: letters only or digits only. */
  private static boolean isWordPart(String s) {
    return s.chars().allMatch(Character::isLetter) || s.chars().allMatch(Character::isDigit);
  }

  /**
   * A word's tokens in one field: all should match; the word's one-word synonyms count as the
   * word's last token would, at the synonym weight. In the fields that hold every field of a table
   * (their names, their descriptions), where common words match most tables, the synonyms are a
   * clause of their own: the word's own terms then decide which tables can reach the top, and the
   * synonyms are scored for those only (a synonym still finds a table on its own).
   */
  private static void addAll(List<Query> out, String field, List<String> tokens, List<String> synonyms, float boost,
      boolean fuzzy, boolean synonymsApart) {
    if (tokens.isEmpty()) {
      return;
    }
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    for (int i = 0; i < tokens.size(); i++) {
      String token = tokens.get(i);
      Query q;
      if (fuzzy && token.length() >= 4 && token.length() <= 20) {
        q = new FuzzyQuery(new Term(field, token), token.length() >= 8 ? 2 : 1, 1, 50, true);
      } else if (i == 0 && !synonyms.isEmpty() && !synonymsApart) { // the whole word (the first token) or a synonym
        q = synonyms(field, List.of(token), synonyms);
      } else {
        q = new TermQuery(new Term(field, token));
      }
      all.add(q, Occur.SHOULD);
    }
    out.add(new BoostQuery(all.build(), boost));
    if (synonymsApart && !synonyms.isEmpty() && !fuzzy) {
      SynonymQuery.Builder apart = new SynonymQuery.Builder(field);
      synonyms.forEach(t -> apart.addTerm(new Term(field, t), SYNONYM));
      out.add(new BoostQuery(apart.build(), boost));
    }
  }

  /** The terms as one, each of {@code synonyms} weighing {@link #SYNONYM} of a term. */
  private static Query synonyms(String field, List<String> terms, List<String> synonyms) {
    if (synonyms.isEmpty() && terms.size() == 1) {
      return new TermQuery(new Term(field, terms.get(0)));
    }
    SynonymQuery.Builder b = new SynonymQuery.Builder(field);
    terms.forEach(t -> b.addTerm(new Term(field, t)));
    synonyms.forEach(t -> b.addTerm(new Term(field, t), SYNONYM));
    return b.build();
  }

  private Query phrase(String phrase) {
    List<Query> alternatives = new ArrayList<>();
    alternatives.add(new BoostQuery(new TermQuery(new Term(IndexFields.EXACT, phrase.toLowerCase(Locale.ROOT))), EXACT_WORD));
    for (String field : List.of(IndexFields.DESCRIPTION, IndexFields.BODY)) {
      List<String> tokens = analyze(prose, phrase);
      if (!tokens.isEmpty()) {
        alternatives.add(new BoostQuery(new PhraseQuery(1, field, tokens.toArray(String[]::new)), DESCRIPTION));
      }
    }
    List<String> idTokens = analyze(identifier, phrase);
    if (!idTokens.isEmpty()) {
      alternatives.add(new BoostQuery(new PhraseQuery(1, IndexFields.NAME, idTokens.toArray(String[]::new)), NAME));
    }
    return new DisjunctionMaxQuery(alternatives, 0.1f);
  }

  /**
   * The non-scoring query of one filter value. Field attributes (type, personal-data category)
   * match the tables that have such a field; listing fields ({@code kind:field}) then keeps the
   * fields that have it ({@link FieldMatcher}).
   */
  Query filter(String key, String rawValue) {
    String value = rawValue.toLowerCase(Locale.ROOT);
    return switch (key) {
      case "dataset" -> new TermQuery(new Term(IndexFields.DATASET, value));
      case "project" -> new TermQuery(new Term(IndexFields.PROJECT, value));
      case "table" -> new TermQuery(new Term(IndexFields.TABLE, rawValue));
      case "kind" -> switch (value) {
        case "view", "materialized_view", "external", "snapshot" -> new BooleanQuery.Builder()
            .add(new TermQuery(new Term(IndexFields.KIND, "table")), Occur.FILTER)
            .add(new TermQuery(new Term(IndexFields.FLAGS, value)), Occur.FILTER)
            .build();
        // a plain table: not a view, materialized view, external table or snapshot
        case "table" -> new BooleanQuery.Builder()
            .add(new TermQuery(new Term(IndexFields.KIND, "table")), Occur.FILTER)
            .add(new TermQuery(new Term(IndexFields.FLAGS, "view")), Occur.MUST_NOT)
            .add(new TermQuery(new Term(IndexFields.FLAGS, "materialized_view")), Occur.MUST_NOT)
            .add(new TermQuery(new Term(IndexFields.FLAGS, "external")), Occur.MUST_NOT)
            .add(new TermQuery(new Term(IndexFields.FLAGS, "snapshot")), Occur.MUST_NOT)
            .build();
        // fields are listed from the tables that carry them
        case "field" -> new TermQuery(new Term(IndexFields.KIND, "table"));
        default -> new TermQuery(new Term(IndexFields.KIND, value));
      };
      case "label" -> value.contains("=")
          ? new TermQuery(new Term(IndexFields.LABEL, value))
          : new PrefixQuery(new Term(IndexFields.LABEL, value + "="));
      case "owner" -> new TermQuery(new Term(IndexFields.OWNER, value));
      case "tier" -> new TermQuery(new Term(IndexFields.TIER, value));
      // the type facet's drill-down term: a table's field types are indexed once, as facet values
      case "type" -> new TermQuery(DrillDownQuery.term(FacetsConfig.DEFAULT_INDEX_FIELD_NAME, IndexFields.FACET_TYPE,
          corpus.indexer.model.Field.normaliseType(value).toLowerCase(Locale.ROOT)));
      case "pii" -> new TermQuery(new Term(IndexFields.PII, value));
      // upstream:T lists what T reads from: entities whose downstream includes T, and vice versa
      case "upstream" -> new TermQuery(new Term(IndexFields.DOWNSTREAM, rawValue));
      case "downstream" -> new TermQuery(new Term(IndexFields.UPSTREAM, rawValue));
      case "scd" -> flag("scd2", value);
      case "partitioned" -> flag("partitioned", value);
      default -> throw new IllegalArgumentException("unknown filter " + key);
    };
  }

  private Query flag(String flag, String value) {
    Query q = new TermQuery(new Term(IndexFields.FLAGS, flag));
    if (value.equals("false") || value.equals("no")) {
      return new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.MUST).add(q, Occur.MUST_NOT).build();
    }
    return q;
  }

  /** A field named with its table: the table's id and the field's lower-cased path. */
  record FieldRef(String table, String path) {}

  static List<String> analyze(Analyzer analyzer, String text) {
    List<String> tokens = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream("q", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        String t = term.toString();
        if (!tokens.contains(t)) {
          tokens.add(t);
        }
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return tokens;
  }
}
