package corpus.gdpr.validate;

/**
 * Parses IPv4 dotted quads and IPv6 addresses (with {@code ::} compression, an embedded IPv4
 * tail and an optional zone) without any name lookup; only literal addresses are accepted.
 */
public final class IpAddresses {

  private IpAddresses() {}

  /** Whether {@code value} is an IPv4 or IPv6 address literal. */
  public static boolean isValid(String value) {
    return isIpv4(value) || isIpv6(value);
  }

  /** Four decimal octets 0–255 without leading zeros, e.g. {@code 192.168.0.1}. */
  public static boolean isIpv4(String value) {
    if (value == null) {
      return false;
    }
    String s = value.strip();
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String p : parts) {
      if (!isOctet(p)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isOctet(String p) {
    if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0')) {
      return false;
    }
    for (int i = 0; i < p.length(); i++) {
      if (p.charAt(i) < '0' || p.charAt(i) > '9') {
        return false;
      }
    }
    return Integer.parseInt(p) <= 255;
  }

  /** Eight groups of 1–4 hex digits, {@code ::} at most once, optional IPv4 tail and zone. */
  public static boolean isIpv6(String value) {
    if (value == null) {
      return false;
    }
    String s = value.strip();
    if (s.startsWith("[") && s.endsWith("]")) {
      s = s.substring(1, s.length() - 1);
    }
    int zone = s.indexOf('%');
    if (zone >= 0) {
      if (zone == s.length() - 1) {
        return false;
      }
      s = s.substring(0, zone);
    }
    if (s.length() < 2 || !s.contains(":")) {
      return false;
    }
    int compress = s.indexOf("::");
    if (compress >= 0 && s.indexOf("::", compress + 1) >= 0) {
      return false;
    }
    int groups;
    if (compress >= 0) {
      String head = s.substring(0, compress);
      String tail = s.substring(compress + 2);
      int h = countGroups(head, false);
      int t = countGroups(tail, true);
      if (h < 0 || t < 0) {
        return false;
      }
      groups = h + t;
      return groups <= 7;
    }
    groups = countGroups(s, true);
    return groups == 8;
  }

  /** Number of 16-bit groups in a colon-separated run (an IPv4 tail counts 2), or -1 if invalid. */
  private static int countGroups(String run, boolean tailMayBeIpv4) {
    if (run.isEmpty()) {
      return 0;
    }
    String[] parts = run.split(":", -1);
    int count = 0;
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i];
      if (i == parts.length - 1 && tailMayBeIpv4 && p.contains(".")) {
        if (!isIpv4(p)) {
          return -1;
        }
        count += 2;
      } else if (isHexGroup(p)) {
        count++;
      } else {
        return -1;
      }
    }
    return count;
  }

  private static boolean isHexGroup(String p) {
    if (p.isEmpty() || p.length() > 4) {
      return false;
    }
    for (int i = 0; i < p.length(); i++) {
      if (Character.digit(p.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }
}
