package io.k8s.cvefeed.model;

/** Which extraction path produced an advisory's structured details. */
public enum DetailSource {
  /** The fenced {@code json osv} block inside the issue body. */
  OSV_BLOCK("osv-block"),
  /** The announcement layout: {@code CVSS Rating:} line and version sections. */
  ANNOUNCEMENT("announcement"),
  /** Neither was found; only the title was read. */
  TITLE_ONLY("title-only");

  private final String wireName;

  DetailSource(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }
}
