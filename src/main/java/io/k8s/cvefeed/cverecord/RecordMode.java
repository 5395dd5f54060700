package io.k8s.cvefeed.cverecord;

import java.util.Locale;

/** {@code --cve-records}: what the refresh does with the CVE records. */
public enum RecordMode {
  /** The source is off: no request, no diagnostic. */
  OFF,
  /** Fill what the issue leaves out; warn about fetch failures and unreadable entries. */
  FILL,
  /** Fill, and report every disagreement between announcement and record as a warning. */
  CHECK;

  /**
   * @throws IllegalArgumentException with a usage message
   */
  public static RecordMode parse(String text) {
    try {
      return valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--cve-records " + text + ": not a mode; say off, fill or check", e);
    }
  }
}
