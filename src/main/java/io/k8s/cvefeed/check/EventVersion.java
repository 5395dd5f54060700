package io.k8s.cvefeed.check;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A version in an OSV range event, ordered as SemVer: {@code 0} before everything, a pre-release
 * ({@code 1.27.0-alpha.1}) before its release. Build metadata is ignored.
 */
record EventVersion(int major, int minor, int patch, String preRelease)
    implements Comparable<EventVersion> {
  static final EventVersion ZERO = new EventVersion(0, 0, 0, "");
  private static final Pattern SHAPE =
      Pattern.compile("[vV]?(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?(?:-([0-9A-Za-z.-]+))?(?:\\+.*)?");
  private static final Comparator<EventVersion> ORDER =
      Comparator.comparingInt(EventVersion::major)
          .thenComparingInt(EventVersion::minor)
          .thenComparingInt(EventVersion::patch)
          .thenComparing(EventVersion::preRelease, EventVersion::comparePreRelease);

  /** The version, or {@code null} when the text is not one. */
  static @Nullable EventVersion parse(String text) {
    Matcher m = SHAPE.matcher(text.strip());
    if (!m.matches()) {
      return null;
    }
    try {
      return new EventVersion(
          Integer.parseInt(m.group(1)),
          m.group(2) == null ? 0 : Integer.parseInt(m.group(2)),
          m.group(3) == null ? 0 : Integer.parseInt(m.group(3)),
          m.group(4) == null ? "" : m.group(4));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static EventVersion of(io.k8s.cvefeed.model.KubeVersion v) {
    return new EventVersion(v.major(), v.minor(), v.patch(), "");
  }

  @Override
  public int compareTo(EventVersion other) {
    return ORDER.compare(this, other);
  }

  /** SemVer §11: no pre-release sorts last; identifiers compared numerically when numeric. */
  private static int comparePreRelease(String a, String b) {
    if (a.equals(b)) {
      return 0;
    } else if (a.isEmpty()) {
      return 1;
    } else if (b.isEmpty()) {
      return -1;
    }
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      int c = compareIdentifier(x[i], y[i]);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.length, y.length);
  }

  private static int compareIdentifier(String a, String b) {
    boolean na = a.chars().allMatch(Character::isDigit);
    boolean nb = b.chars().allMatch(Character::isDigit);
    if (na && nb) {
      return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
    } else if (na != nb) {
      return na ? -1 : 1;
    }
    return a.compareTo(b);
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + patch + (preRelease.isEmpty() ? "" : "-" + preRelease);
  }
}
