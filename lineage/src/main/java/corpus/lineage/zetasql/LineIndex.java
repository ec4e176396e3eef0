package corpus.lineage.zetasql;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Converts the byte offsets ZetaSQL reports into 1-based line numbers of the original file. */
final class LineIndex {
  private final byte[] bytes;
  private final int[] lineStarts;
  private final int firstLine;

  /** Indexes {@code text}, whose first line is line {@code firstLine} of the file. */
  LineIndex(String text, int firstLine) {
    this.bytes = text.getBytes(StandardCharsets.UTF_8);
    int[] starts = new int[16];
    int n = 0;
    starts[n++] = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        if (n == starts.length) {
          starts = Arrays.copyOf(starts, n * 2);
        }
        starts[n++] = i + 1;
      }
    }
    this.lineStarts = Arrays.copyOf(starts, n);
    this.firstLine = firstLine;
  }

  /** The file line of a byte offset in the indexed text. */
  int line(int byteOffset) {
    int i = Arrays.binarySearch(lineStarts, byteOffset);
    int index = i >= 0 ? i : -i - 2;
    return firstLine + Math.max(index, 0);
  }

  /** The text between two byte offsets of the indexed text. */
  String text(int startByte, int endByte) {
    int start = Math.max(0, Math.min(startByte, bytes.length));
    int end = Math.max(start, Math.min(endByte, bytes.length));
    return new String(bytes, start, end - start, StandardCharsets.UTF_8);
  }

  int firstLine() {
    return firstLine;
  }
}
