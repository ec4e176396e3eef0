package corpus.gdpr.validate;

import java.util.Base64;

/**
 * Recognises machine identifiers: hex or base64 digests of the lengths hash functions produce
 * (MD5 16 bytes, SHA-1 20, SHA-256 32, SHA-512 64) and UUIDs ({@code 8-4-4-4-12} hex).
 */
public final class Identifiers {

  private Identifiers() {}

  /** Hex of 32, 40, 64 or 128 digits, or base64 that decodes to 16, 20, 32 or 64 bytes. */
  public static boolean isDigest(String value) {
    if (value == null) {
      return false;
    }
    String s = value.strip();
    int len = s.length();
    if ((len == 32 || len == 40 || len == 64 || len == 128) && isHex(s)) {
      return true;
    }
    if (len == 24 || len == 28 || len == 44 || len == 88 || len == 43 || len == 22 || len == 27 || len == 86) {
      try {
        byte[] bytes = s.contains("-") || s.contains("_")
            ? Base64.getUrlDecoder().decode(s) : Base64.getDecoder().decode(s);
        int n = bytes.length;
        return (n == 16 || n == 20 || n == 32 || n == 64) && hasBase64Mix(s);
      } catch (IllegalArgumentException e) {
        return false;
      }
    }
    return false;
  }

  /** Canonical UUID text, e.g. {@code 123e4567-e89b-12d3-a456-426614174000}. */
  public static boolean isUuid(String value) {
    if (value == null) {
      return false;
    }
    String s = value.strip();
    if (s.length() != 36) {
      return false;
    }
    for (int i = 0; i < 36; i++) {
      char c = s.charAt(i);
      boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
      if (dash ? c != '-' : Character.digit(c, 16) < 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean isHex(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.digit(s.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  /** Real digests mix upper case, lower case and digits; words of that length do not. */
  private static boolean hasBase64Mix(String s) {
    return s.chars().anyMatch(Character::isUpperCase) && s.chars().anyMatch(Character::isLowerCase)
        && s.chars().anyMatch(Character::isDigit);
  }
}
