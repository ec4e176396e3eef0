package corpus.lineage.footprint;

import java.nio.charset.StandardCharsets;

/**
 * Turns the parser's UTF-8 byte offsets into character offsets of the Java string, and character offsets into
 * 1-based line and column, so that positions match what an editor shows.
 */
final class TextOffsets {
  private final String text;
  private final int[] charAtByte;

  TextOffsets(String text) {
    this.text = text;
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (bytes.length == text.length()) {
      charAtByte = null;
    } else {
      charAtByte = new int[bytes.length + 1];
      int b = 0;
      for (int c = 0; c < text.length(); c++) {
        int cp = text.codePointAt(c);
        int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
        for (int k = 0; k < len; k++) {
          charAtByte[b + k] = c;
        }
        b += len;
        if (Character.isSupplementaryCodePoint(cp)) {
          c++;
        }
      }
      charAtByte[bytes.length] = text.length();
    }
  }

  /** The character range of a byte range. */
  TextSpan span(int startByte, int endByte) {
    return new TextSpan(charOffset(startByte), charOffset(endByte));
  }

  int charOffset(int byteOffset) {
    if (charAtByte == null) {
      return Math.max(0, Math.min(byteOffset, text.length()));
    }
    return charAtByte[Math.max(0, Math.min(byteOffset, charAtByte.length - 1))];
  }

  /** The character offset of a 1-based line and column. */
  int offsetOf(int line, int column) {
    int offset = 0;
    for (int l = 1; l < line && offset >= 0; l++) {
      offset = text.indexOf('\n', offset) + 1;
      if (offset == 0) {
        return text.length();
      }
    }
    return Math.min(text.length(), offset + Math.max(0, column - 1));
  }
}
