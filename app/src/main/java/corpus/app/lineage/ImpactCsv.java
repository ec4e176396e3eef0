package corpus.app.lineage;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes an {@link ImpactReport} as CSV (RFC 4180: comma-separated, quoted where needed, CRLF line ends) with
 * the header {@code changed,kind,id,table,hops,via}, so it opens in a spreadsheet. The file is written to a
 * temporary sibling first and moved into place, so a failed export never leaves half a file.
 */
final class ImpactCsv {

  private ImpactCsv() {}

  static void write(ImpactReport report, Path file) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".part");
    try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      out.write(String.join(",", "changed", "kind", "id", "table", "hops", "via"));
      out.write("\r\n");
      for (ImpactReport.Row r : report.rows()) {
        out.write(String.join(",", quote(report.node()), quote(r.kind()), quote(r.id()), quote(r.table()),
            String.valueOf(r.hops()), quote(r.via())));
        out.write("\r\n");
      }
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  static String quote(String value) {
    if (value == null) {
      return "";
    }
    boolean needs = value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r");
    String safe = value.startsWith("=") || value.startsWith("+") || value.startsWith("-") || value.startsWith("@")
        ? "'" + value : value; // keep spreadsheets from reading a cell as a formula
    return needs ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
  }
}
