package corpus.indexer.index;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.util.CharTokenizer;

/**
 * The one definition of how Corpus turns text into terms, shared by indexing and querying.
 *
 * <p>Identifiers ({@code creatorId}, {@code n_plays}, {@code actions_received.metric_name}) are
 * split into their words and also kept whole, lower-cased and accent-folded, never stemmed; prose
 * (descriptions, design documents) is stemmed with the English analyzer.
 */
public final class Analyzers {

  /** Identifiers as long as BigQuery allows paths to be are kept whole (the default cuts at 255). */
  private static final int MAX_IDENTIFIER = 16_384;

  /**
   * The longest beginning of a name indexed for prefix matching: a longer prefix is looked up in
   * the name terms themselves, where few terms share it.
   */
  public static final int MAX_PREFIX = 24;
  private static final int MIN_PREFIX = 2;

  private Analyzers() {}

  /** Splits identifiers into word parts and keeps the original token. */
  public static Analyzer identifier() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = new IdentifierTokenizer();
        return new TokenStreamComponents(tokenizer, identifierWords(tokenizer, true));
      }
    };
  }

  /**
   * The word parts of field paths ({@link IndexFields#FIELD_NAMES}), without the whole path: a
   * catalog has millions of them, and the whole path and the field's own name are indexed as
   * exact names already ({@link IndexFields#EXACT_FIELD}), where queries look for them.
   */
  static Analyzer identifierWords() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = new IdentifierTokenizer();
        return new TokenStreamComponents(tokenizer, identifierWords(tokenizer, false));
      }
    };
  }

  /**
   * The beginnings of the word parts {@link #identifier()} makes ({@link IndexFields#NAME_PREFIX});
   * the beginnings of a whole name are {@link #namePrefixes()}.
   */
  static Analyzer identifierPrefixes() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = new IdentifierTokenizer();
        return new TokenStreamComponents(tokenizer,
            new EdgeNGramTokenFilter(identifierWords(tokenizer, false), MIN_PREFIX, MAX_PREFIX, false));
      }
    };
  }

  /** The beginnings of a whole name, as given ({@link IndexFields#EXACT_PREFIX}). */
  static Analyzer namePrefixes() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = new KeywordTokenizer();
        return new TokenStreamComponents(tokenizer, new EdgeNGramTokenFilter(tokenizer, MIN_PREFIX, MAX_PREFIX, false));
      }
    };
  }

  private static TokenStream identifierWords(Tokenizer tokenizer, boolean whole) {
    int flags = WordDelimiterGraphFilter.GENERATE_WORD_PARTS
        | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS
        | WordDelimiterGraphFilter.SPLIT_ON_CASE_CHANGE
        | WordDelimiterGraphFilter.SPLIT_ON_NUMERICS
        | (whole ? WordDelimiterGraphFilter.PRESERVE_ORIGINAL : 0);
    TokenStream stream = new WordDelimiterGraphFilter(tokenizer, flags, null);
    stream = new LowerCaseFilter(stream);
    return new ASCIIFoldingFilter(stream);
  }

  /**
   * Splits text into runs of letters, numbers and {@code _ . $ -} (what identifiers and dotted
   * paths are made of): a character test, not a regular expression, as it runs over every name
   * the catalog indexes.
   */
  private static final class IdentifierTokenizer extends CharTokenizer {

    IdentifierTokenizer() {
      super(DEFAULT_TOKEN_ATTRIBUTE_FACTORY, MAX_IDENTIFIER);
    }

    @Override
    protected boolean isTokenChar(int c) {
      if (c < 128) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
            || c == '_' || c == '.' || c == '$' || c == '-';
      }
      if (Character.isLetter(c)) {
        return true;
      }
      int type = Character.getType(c);
      return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
          || type == Character.OTHER_NUMBER;
    }
  }

  /** Stemmed English prose, accent-folded. */
  public static Analyzer prose() {
    return new EnglishAnalyzer();
  }

  /** The per-field analyzer for documents written by {@link DocumentFactory}. */
  public static Analyzer forIndex() {
    Analyzer identifier = identifier();
    Analyzer prose = prose();
    return new PerFieldAnalyzerWrapper(
        prose,
        Map.of(
            IndexFields.NAME, identifier,
            IndexFields.PATH, identifier,
            IndexFields.FIELD_NAMES, identifierWords(),
            IndexFields.NAME_PREFIX, identifierPrefixes(),
            IndexFields.EXACT_PREFIX, namePrefixes(),
            IndexFields.ID, new KeywordAnalyzer()));
  }
}
