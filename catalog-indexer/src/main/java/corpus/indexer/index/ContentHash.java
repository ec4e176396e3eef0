package corpus.indexer.index;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Short SHA-256 digests of catalog content, to tell whether a table changed between crawls. */
final class ContentHash {

  private ContentHash() {}

  /** The first 16 bytes of the SHA-256 of the parts (separated so "ab","c" differs from "a","bc"). */
  static String of(String... parts) {
    return of(null, parts);
  }

  /** As {@link #of(String...)}, with UTF-8 bytes (a table's stored JSON) as the first part when not null. */
  static String of(byte[] first, String... parts) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      if (first != null) {
        digest.update(first);
        digest.update((byte) 0x1f);
      }
      for (String part : parts) {
        digest.update((part == null ? "\u0000" : part).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0x1f);
      }
      return HexFormat.of().formatHex(digest.digest(), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
