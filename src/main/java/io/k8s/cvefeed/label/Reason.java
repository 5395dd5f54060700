package io.k8s.cvefeed.label;

/** Why an issue looks like a CVE announcement, most certain first. */
public enum Reason {
  /** The title starts with a CVE id, possibly after bracketed tags. */
  TITLE_CVE_ID("title starts with a CVE id", 4),
  /** The issue carries the Security Response Committee's label. */
  SECURITY_LABEL("labelled committee/security-response", 2),
  /** The body states a CVSS vector. */
  CVSS_VECTOR("body states a CVSS vector", 1);

  private final String text;
  private final int weight;

  Reason(String text, int weight) {
    this.text = text;
    this.weight = weight;
  }

  /** A short phrase for the table, e.g. {@code title starts with a CVE id}. */
  public String text() {
    return text;
  }

  int weight() {
    return weight;
  }
}
