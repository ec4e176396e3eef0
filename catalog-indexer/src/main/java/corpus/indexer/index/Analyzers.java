package corpus.indexer.index;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.pattern.PatternTokenizer;
import java.util.regex.Pattern;

/**
 * The one definition of how Corpus turns text into terms, shared by indexing and querying.
 *
 * <p>Identifiers ({@code creatorId}, {@code n_plays}, {@code actions_received.metric_name}) are
 * split into their words and also kept whole, lower-cased and accent-folded, never stemmed; prose
 * (descriptions, design documents) is stemmed with the English analyzer.
 */
public final class Analyzers {

  private static final Pattern NOT_IDENTIFIER = Pattern.compile("[^\\p{L}\\p{N}_.$-]+");

  private Analyzers() {}

  /** Splits identifiers into word parts and keeps the original token. */
  public static Analyzer identifier() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = new PatternTokenizer(NOT_IDENTIFIER, -1);
        int flags = WordDelimiterGraphFilter.GENERATE_WORD_PARTS
            | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS
            | WordDelimiterGraphFilter.SPLIT_ON_CASE_CHANGE
            | WordDelimiterGraphFilter.SPLIT_ON_NUMERICS
            | WordDelimiterGraphFilter.PRESERVE_ORIGINAL;
        TokenStream stream = new WordDelimiterGraphFilter(tokenizer, flags, null);
        stream = new LowerCaseFilter(stream);
        stream = new ASCIIFoldingFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
      }
    };
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
            IndexFields.FIELD_NAMES, identifier,
            IndexFields.ID, new KeywordAnalyzer()));
  }
}
