package io.k8s.cvefeed.model;

import java.util.Locale;

/** CVSS qualitative severity rating. */
public enum Severity {
  NONE,
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL;

  /** The rating for a CVSS v3/v4 base score (0.0 to 10.0). */
  public static Severity ofScore(double score) {
    if (score == 0.0) {
      return NONE;
    } else if (score < 4.0) {
      return LOW;
    } else if (score < 7.0) {
      return MEDIUM;
    } else if (score < 9.0) {
      return HIGH;
    }
    return CRITICAL;
  }

  /** Title case, as announcements write it: {@code High}. */
  public String displayName() {
    String n = name();
    return n.charAt(0) + n.substring(1).toLowerCase(Locale.ROOT);
  }
}
