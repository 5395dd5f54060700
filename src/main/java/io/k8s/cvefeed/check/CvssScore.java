package io.k8s.cvefeed.check;

import org.jspecify.annotations.Nullable;
import us.springett.cvss.Cvss;

/** The base score of a CVSS vector, for records that state a vector but no severity. */
final class CvssScore {
  private CvssScore() {}

  /** The base score, or {@code null} when the vector cannot be read. */
  static @Nullable Double of(String vector) {
    try {
      Cvss cvss = Cvss.fromVector(vector);
      return cvss == null ? null : cvss.calculateScore().getBaseScore();
    } catch (RuntimeException e) {
      return null;
    }
  }
}
