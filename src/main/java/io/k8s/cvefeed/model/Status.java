package io.k8s.cvefeed.model;

/** Fix status of an announcement, as the official feed spells it. */
public enum Status {
  OPEN("open"),
  FIXED("fixed"),
  UNFIXED("unfixed"),
  UNKNOWN("unknown");

  private final String wireName;

  Status(String wireName) {
    this.wireName = wireName;
  }

  /** The value written in the feed's {@code status} field. */
  public String wireName() {
    return wireName;
  }
}
