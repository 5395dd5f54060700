package io.k8s.cvefeed.model;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A release version {@code major.minor.patch}, written without the {@code v} prefix. */
public record KubeVersion(int major, int minor, int patch) implements Comparable<KubeVersion> {
  private static final Pattern SHAPE =
      Pattern.compile("[vV]?(\\d{1,9})\\.(\\d{1,9})(?:\\.(\\d{1,9}))?");
  private static final Comparator<KubeVersion> ORDER =
      Comparator.comparingInt(KubeVersion::major)
          .thenComparingInt(KubeVersion::minor)
          .thenComparingInt(KubeVersion::patch);

  /** Parses {@code v1.27.2}, {@code 1.27.2} or {@code 1.27} (patch 0). */
  public static KubeVersion parse(String text) throws InvalidInputException {
    Matcher m = SHAPE.matcher(text.strip());
    if (!m.matches()) {
      throw new InvalidInputException(
          "\"" + text + "\": not a version; expected MAJOR.MINOR.PATCH such as v1.27.2");
    }
    String patch = m.group(3);
    return new KubeVersion(
        Integer.parseInt(m.group(1)),
        Integer.parseInt(m.group(2)),
        patch == null ? 0 : Integer.parseInt(patch));
  }

  @Override
  public int compareTo(KubeVersion other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + patch;
  }
}
