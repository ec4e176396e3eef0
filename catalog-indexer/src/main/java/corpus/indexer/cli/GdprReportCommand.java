package corpus.indexer.cli;

import corpus.gdpr.audit.AuditVerification;
import corpus.gdpr.detect.Classifier;
import corpus.gdpr.report.Finding;
import corpus.gdpr.report.Findings;
import corpus.gdpr.report.ProcessingRecord;
import corpus.gdpr.report.ProcessingRecordCsvWriter;
import corpus.gdpr.report.ProcessingRecordHtmlWriter;
import corpus.gdpr.report.ProcessingRecords;
import corpus.gdpr.report.ReportInput;
import corpus.gdpr.review.ReviewStore;
import corpus.indexer.gdpr.CatalogSnapshot;
import corpus.indexer.gdpr.GdprReportInputs;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code corpus gdpr report}: the Art. 30 record of processing per dataset (categories, location,
 * retention, owners, downstream recipients) and the findings, as HTML or CSV, with the audit log's
 * head hash so a later truncation of the log can be detected.
 */
@Command(name = "report", description = "Write the Art. 30 record of processing and the findings (HTML or CSV).")
public final class GdprReportCommand implements Callable<Integer> {

  enum Format { html, csv }

  @Spec CommandSpec spec;

  @Option(names = "--index-dir", required = true, description = "Folder of the catalog.")
  Path indexDir;

  @Option(names = "--format", defaultValue = "html", description = "html or csv (default ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--out", required = true, paramLabel = "FILE",
      description = "File to write; CSV also writes FILE's name with -findings.csv beside it.")
  Path out;

  @Option(names = "--unreviewed-threshold", defaultValue = "0.8",
      description = "Report unreviewed suggestions at or above this confidence (default ${DEFAULT-VALUE}).")
  double threshold;

  @Option(names = "--db", paramLabel = "FILE", description = "SQLite database of decisions (default: ~/.corpus/corpus.db).")
  Path db;

  @Override
  public Integer call() throws Exception {
    Classifier classifier = Classifier.withDefaults();
    CatalogSnapshot catalog = CatalogSnapshot.read(indexDir);
    ReportInput input;
    AuditVerification audit;
    try (ReviewStore store = GdprCommand.openStore(db, classifier)) {
      input = GdprReportInputs.of(catalog, GdprCommand.classifications(catalog, store, classifier));
      audit = store.auditLog().verify();
    }
    List<ProcessingRecord> records = new ProcessingRecords(classifier.taxonomy()).build(input);
    List<Finding> findings = new Findings(classifier.taxonomy()).find(input, threshold);
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    if (format == Format.html) {
      StringWriter html = new StringWriter();
      new ProcessingRecordHtmlWriter().write(records, "Record of processing activities", html);
      String page = html.toString();
      int end = page.lastIndexOf("</body>");
      String extra = findingsHtml(findings) + "<p><small>" + esc(audit.describe()) + "</small></p>\n";
      Files.writeString(out, end < 0 ? page + extra : page.substring(0, end) + extra + page.substring(end),
          StandardCharsets.UTF_8);
    } else {
      try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
        new ProcessingRecordCsvWriter().write(records, w);
      }
      Path findingsFile = out.resolveSibling(out.getFileName().toString().replaceFirst("\\.csv$", "") + "-findings.csv");
      try (Writer w = Files.newBufferedWriter(findingsFile, StandardCharsets.UTF_8)) {
        w.write("kind,dataset,table,field,message\r\n");
        for (Finding f : findings) {
          w.write(String.join(",", csv(f.kind().name().toLowerCase(Locale.ROOT)), csv(f.dataset()), csv(f.table()),
              csv(f.field()), csv(f.message())) + "\r\n");
        }
      }
    }
    PrintWriter err = spec.commandLine().getErr();
    err.printf(Locale.ROOT, "wrote %s: %d dataset(s) holding personal data, %d finding(s); %s%n", out,
        records.size(), findings.size(), audit.describe());
    err.flush();
    return 0;
  }

  private static String findingsHtml(List<Finding> findings) {
    StringBuilder sb = new StringBuilder("<section><h2>Findings</h2>\n");
    if (findings.isEmpty()) {
      sb.append("<p>None.</p>\n");
    } else {
      sb.append("<table><tr><th>Kind</th><th>Dataset</th><th>Where</th><th>Finding</th></tr>\n");
      for (Finding f : findings) {
        String where = f.table() == null ? "" : f.table() + (f.field() == null ? "" : ":" + f.field());
        sb.append("<tr><td>").append(esc(f.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ')))
            .append("</td><td>").append(esc(f.dataset())).append("</td><td>").append(esc(where))
            .append("</td><td>").append(esc(f.message())).append("</td></tr>\n");
      }
      sb.append("</table>\n");
    }
    return sb.append("</section>\n").toString();
  }

  private static String esc(String s) {
    return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  private static String csv(String cell) {
    String s = cell == null ? "" : cell;
    if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0) {
      s = "'" + s;
    }
    return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }
}
