package corpus.gdpr.report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes records of processing as CSV (RFC 4180, UTF-8 text, CRLF line ends): one row per dataset
 * and category, with location, retention, owners and recipients repeated on each row so that a
 * spreadsheet filter on any column works.
 */
public final class ProcessingRecordCsvWriter {

  private static final List<String> HEADER = List.of("dataset", "location", "category", "category_label", "group",
      "legal_reference", "fields", "reviewed", "retention", "owners", "recipients");

  public void write(List<ProcessingRecord> records, Writer out) throws IOException {
    row(out, HEADER);
    for (ProcessingRecord r : records) {
      String retention = String.join("; ", r.retention().stream().map(x -> x.table() + ": " + x.retention()).toList());
      for (ProcessingRecord.CategoryUse c : r.categories()) {
        row(out, List.of(r.dataset(), r.location(), c.category(), c.label(), c.group(), c.legalReference(),
            String.join("; ", c.fields()), c.reviewed() ? "yes" : "no", retention, String.join("; ", r.owners()),
            String.join("; ", r.recipients())));
      }
    }
    out.flush();
  }

  private static void row(Writer out, List<String> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(quote(cells.get(i)));
    }
    out.write("\r\n");
  }

  static String quote(String cell) {
    String s = cell == null ? "" : cell;
    // a leading =, +, - or @ would run as a formula in spreadsheets
    if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0) {
      s = "'" + s;
    }
    if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
      return "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }
}
