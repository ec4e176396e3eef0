package corpus.gdpr.scan;

import corpus.gdpr.detect.Suggestion;
import java.util.List;

/**
 * The outcome of a scan: one suggestion per field in input order, and the problems met (a table
 * that could not be sampled), each as a sentence naming the table.
 */
public record ScanResult(List<Suggestion> suggestions, List<String> problems) {

  public ScanResult {
    suggestions = List.copyOf(suggestions);
    problems = List.copyOf(problems);
  }
}
