package io.k8s.cvefeed.extract;

import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A release version as announcements write it: {@code v1.27.2}, {@code 1.27}, {@code 1.6.x}, {@code
 * v2.0.0-alpha.0}. Printed without the {@code v}, as OSV {@code SEMVER} ranges want.
 *
 * @param major major number
 * @param minor minor number
 * @param patch patch number, 0 when the text gave none
 * @param pre pre-release label without the dash ({@code alpha.0}), empty for a release
 * @param wholeMinor whether the text named a whole minor line ({@code 1.6.x} or {@code 1.21})
 */
record SemVer(int major, int minor, int patch, String pre, boolean wholeMinor)
    implements Comparable<SemVer> {

  /** A version token inside free text. Pre-release labels must start with alpha, beta or rc. */
  static final String TOKEN =
      "[vV]?\\d{1,3}\\.\\d{1,3}(?:\\.(?:\\d{1,4}|[xX]))?(?:-(?:alpha|beta|rc)(?:\\.?\\d+)?)?";

  private static final Pattern SHAPE =
      Pattern.compile(
          "[vV]?(\\d{1,3})\\.(\\d{1,3})(?:\\.(\\d{1,4}|[xX]))?(?:-((?:alpha|beta|rc)(?:\\.?\\d+)?))?",
          Pattern.CASE_INSENSITIVE);

  private static final Comparator<SemVer> ORDER =
      Comparator.comparingInt(SemVer::major)
          .thenComparingInt(SemVer::minor)
          .thenComparingInt(SemVer::patch)
          .thenComparing(SemVer::preOrder);

  /**
   * Whether {@code text} may hold a {@link #TOKEN}: a digit, a dot, a digit. A scan without a regex
   * that lets the readers skip the prose lines, which are most lines.
   */
  static boolean mayOccurIn(String text) {
    for (int i = 1, n = text.length() - 1; i < n; i++) {
      if (text.charAt(i) == '.' && isDigit(text.charAt(i - 1)) && isDigit(text.charAt(i + 1))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static Optional<SemVer> parse(String text) {
    Matcher m = SHAPE.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    String patch = m.group(3);
    boolean whole = patch == null || patch.equalsIgnoreCase("x");
    String pre = m.group(4) == null ? "" : m.group(4).toLowerCase(Locale.ROOT);
    return Optional.of(
        new SemVer(
            Integer.parseInt(m.group(1)),
            Integer.parseInt(m.group(2)),
            whole ? 0 : Integer.parseInt(patch),
            pre,
            whole && pre.isEmpty()));
  }

  /** {@code major.minor.0}: where this version's minor line starts. */
  SemVer minorStart() {
    return new SemVer(major, minor, 0, "", false);
  }

  /** {@code major.(minor+1).0}: the first version after this minor line. */
  SemVer nextMinor() {
    return new SemVer(major, minor + 1, 0, "", false);
  }

  /** This version as a point (no longer "the whole minor line"). */
  SemVer exact() {
    return wholeMinor ? new SemVer(major, minor, patch, pre, false) : this;
  }

  boolean sameMinor(SemVer other) {
    return major == other.major && minor == other.minor;
  }

  private String preOrder() {
    // A release sorts after its pre-releases: "" becomes the highest string.
    return pre.isEmpty() ? "\uffff" : pre;
  }

  @Override
  public int compareTo(SemVer other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + patch + (pre.isEmpty() ? "" : "-" + pre);
  }
}
