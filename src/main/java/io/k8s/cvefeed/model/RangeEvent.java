package io.k8s.cvefeed.model;

/** One OSV range event: the version at which something starts or stops being affected. */
public record RangeEvent(Kind kind, String version) {
  /** OSV event names. */
  public enum Kind {
    INTRODUCED("introduced"),
    FIXED("fixed"),
    LAST_AFFECTED("last_affected"),
    /**
     * The range ends here without a fix being claimed (a CVE record's "the whole v1.8 line"):
     * versions at or above it are outside the range.
     */
    LIMIT("limit");

    private final String osvName;

    Kind(String osvName) {
      this.osvName = osvName;
    }

    public String osvName() {
      return osvName;
    }
  }

  public static RangeEvent introduced(String version) {
    return new RangeEvent(Kind.INTRODUCED, version);
  }

  public static RangeEvent fixed(String version) {
    return new RangeEvent(Kind.FIXED, version);
  }

  public static RangeEvent lastAffected(String version) {
    return new RangeEvent(Kind.LAST_AFFECTED, version);
  }

  public static RangeEvent limit(String version) {
    return new RangeEvent(Kind.LIMIT, version);
  }
}
