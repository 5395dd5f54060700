package io.k8s.cvefeed.cverecord;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A version as CVE records write them: {@code v1.27.3}, {@code 1.27.3}, {@code 1.20.0-alpha2}, or a
 * minor line {@code v1.27} (no patch). Prints without the {@code v}.
 *
 * @param patch {@code null} for a minor line
 * @param pre the pre-release after {@code -}, or {@code null}
 */
record Version(int major, int minor, @Nullable Integer patch, @Nullable String pre)
    implements Comparable<Version> {
  /** The version pattern, without anchors, for use inside larger patterns. */
  static final String PATTERN = "[vV]?\\d+\\.\\d+(?:\\.\\d+)?(?:-[0-9A-Za-z.-]+)?";

  private static final Pattern FULL =
      Pattern.compile("[vV]?(\\d+)\\.(\\d+)(?:\\.(\\d+))?(?:-([0-9A-Za-z.-]+))?");
  private static final Comparator<Version> ORDER =
      Comparator.comparingInt(Version::major)
          .thenComparingInt(Version::minor)
          .thenComparingInt(v -> v.patch() == null ? 0 : v.patch())
          // A release sorts after its pre-releases.
          .thenComparing(v -> v.pre() == null ? "\uffff" : v.pre());

  static @Nullable Version parse(String text) {
    Matcher m = FULL.matcher(text.strip());
    if (!m.matches()) {
      return null;
    }
    try {
      return new Version(
          Integer.parseInt(m.group(1)),
          Integer.parseInt(m.group(2)),
          m.group(3) == null ? null : Integer.valueOf(m.group(3)),
          m.group(4));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  boolean isLine() {
    return patch == null;
  }

  /** The first release of this version's minor line, {@code X.Y.0}. */
  Version lineStart() {
    return new Version(major, minor, 0, null);
  }

  /** The first release of the next minor line, {@code X.(Y+1).0}. */
  Version nextLine() {
    return new Version(major, minor + 1, 0, null);
  }

  /** A line {@code v1.16} as a version is {@code 1.16.0}. */
  Version asRelease() {
    return patch == null ? lineStart() : this;
  }

  boolean sameLine(Version other) {
    return major == other.major && minor == other.minor;
  }

  @Override
  public int compareTo(Version o) {
    return ORDER.compare(this, o);
  }

  @Override
  public String toString() {
    return major
        + "."
        + minor
        + (patch == null ? "" : "." + patch)
        + (pre == null ? "" : "-" + pre);
  }
}
