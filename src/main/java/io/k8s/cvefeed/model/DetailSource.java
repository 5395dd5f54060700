package io.k8s.cvefeed.model;

/** Which extraction path (or second source) produced an advisory's structured details. */
public enum DetailSource {
  /** The fenced {@code json osv} block inside the issue body. */
  OSV_BLOCK("osv-block"),
  /** The announcement layout: {@code CVSS Rating:} line and version sections. */
  ANNOUNCEMENT("announcement"),
  /** Neither was found; only the title was read. */
  TITLE_ONLY("title-only"),
  /** The CNA's CVE JSON 5 record (cve.org), for values the issue leaves out. */
  CVE_RECORD("cve-record");

  private final String wireName;

  DetailSource(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }
}
