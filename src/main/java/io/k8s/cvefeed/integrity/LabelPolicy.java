package io.k8s.cvefeed.integrity;

import java.util.Locale;

/** What a refresh does about items whose feed label was applied by someone not trusted. */
public enum LabelPolicy {
  /** Do not look: no events requests at all. */
  OFF,
  /** Keep the item, add a diagnostic naming the issue, the login and the time. */
  WARN,
  /** Leave the item out, with a diagnostic that skips the issue (the CLI exits 7). */
  ENFORCE;

  /** Parses {@code off}, {@code warn} or {@code enforce}, in any case. */
  public static LabelPolicy parse(String text) {
    try {
      return valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--label-policy " + text + ": expected off, warn or enforce", e);
    }
  }
}
