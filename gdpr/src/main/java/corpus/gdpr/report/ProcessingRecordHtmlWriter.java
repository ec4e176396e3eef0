package corpus.gdpr.report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes records of processing as one self-contained HTML page: a section per dataset with its
 * categories (and their legal basis), location, retention per table, owners and recipients.
 * Every text is HTML-escaped.
 */
public final class ProcessingRecordHtmlWriter {

  public void write(List<ProcessingRecord> records, String title, Writer out) throws IOException {
    out.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + esc(title)
        + "</title>\n<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:1em}"
        + "td,th{border:1px solid #999;padding:4px 8px;text-align:left;vertical-align:top}"
        + ".unreviewed{color:#a40}</style></head><body>\n");
    out.write("<h1>" + esc(title) + "</h1>\n");
    out.write("<p>Record of processing activities (Art. 30 GDPR), " + records.size()
        + " dataset(s) holding personal data.</p>\n");
    for (ProcessingRecord r : records) {
      out.write("<section><h2>" + esc(r.dataset()) + "</h2>\n");
      if (!r.description().isBlank()) {
        out.write("<p>" + esc(r.description()) + "</p>\n");
      }
      out.write("<table><tr><th>Location</th><td>" + esc(r.location().isBlank() ? "unknown" : r.location())
          + (EuLocations.isOutsideEu(r.location()) ? " (outside the EU)" : "") + "</td></tr>\n");
      out.write("<tr><th>Owners</th><td>" + esc(join(r.owners(), "none recorded")) + "</td></tr>\n");
      out.write("<tr><th>Recipients</th><td>" + esc(join(r.recipients(), "none known")) + "</td></tr></table>\n");
      out.write("<h3>Categories of personal data</h3>\n<table><tr><th>Category</th><th>Group</th>"
          + "<th>Legal reference</th><th>Fields</th><th>Reviewed</th></tr>\n");
      for (ProcessingRecord.CategoryUse c : r.categories()) {
        out.write("<tr" + (c.reviewed() ? "" : " class=\"unreviewed\"") + "><td>" + esc(c.label()) + " ("
            + esc(c.category()) + ")</td><td>" + esc(c.group()) + "</td><td>" + esc(c.legalReference()) + "</td><td>"
            + esc(String.join(", ", c.fields())) + "</td><td>" + (c.reviewed() ? "yes" : "not yet") + "</td></tr>\n");
      }
      out.write("</table>\n<h3>Retention</h3>\n<table><tr><th>Table</th><th>Retention</th></tr>\n");
      for (ProcessingRecord.Retention t : r.retention()) {
        out.write("<tr><td>" + esc(t.table()) + "</td><td>" + esc(t.retention()) + "</td></tr>\n");
      }
      out.write("</table></section>\n");
    }
    out.write("</body></html>\n");
    out.flush();
  }

  private static String join(List<String> items, String none) {
    return items.isEmpty() ? none : String.join(", ", items);
  }

  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
