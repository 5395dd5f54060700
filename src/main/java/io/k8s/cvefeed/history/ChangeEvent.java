package io.k8s.cvefeed.history;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the change history.
 *
 * @param time when the refresh that published the change found it (whole seconds)
 * @param kind what changed
 * @param id the CVE id; {@code null} only for {@link Kind#INITIAL}
 * @param summary the item summary (the previous one for {@link Kind#REMOVED})
 * @param url the announcement issue link
 * @param status the status now (the last published one for {@link Kind#REMOVED})
 * @param oldStatus the previous status, for {@link Kind#STATUS_CHANGED}
 * @param severity the severity name ({@code HIGH}), when the feed states one
 * @param fields for {@link Kind#EDITED}: which of {@code summary}, {@code body}, {@code severity},
 *     {@code ranges} changed
 * @param items for {@link Kind#INITIAL}: how many items the first published feed held
 */
public record ChangeEvent(
    Instant time,
    Kind kind,
    @Nullable String id,
    @Nullable String summary,
    @Nullable String url,
    @Nullable String status,
    @Nullable String oldStatus,
    @Nullable String severity,
    List<String> fields,
    int items) {

  public ChangeEvent {
    fields = List.copyOf(fields);
  }

  /** What changed. */
  public enum Kind {
    /** The first publish: the feed started with {@code items} items. */
    INITIAL("initial"),
    /** A CVE entered the feed. */
    ADDED("added"),
    /** A CVE's status changed, e.g. {@code open} to {@code fixed}. */
    STATUS_CHANGED("status_changed"),
    /** A CVE's summary, body, severity or ranges changed. */
    EDITED("edited"),
    /** A CVE left the feed. */
    REMOVED("removed");

    private final String wireName;

    Kind(String wireName) {
      this.wireName = wireName;
    }

    public String wireName() {
      return wireName;
    }

    /** Reads a wire name; {@code null} when unknown. */
    static @Nullable Kind of(String wireName) {
      for (Kind k : values()) {
        if (k.wireName.equals(wireName)) {
          return k;
        }
      }
      return null;
    }
  }

  /** Whether webhooks hear about this event: new CVEs and status changes only. */
  public boolean notifies() {
    return kind == Kind.ADDED || kind == Kind.STATUS_CHANGED;
  }

  /** One line for people: {@code CVE-2024-1234 status changed from open to fixed: summary}. */
  public String headline() {
    String what =
        switch (kind) {
          case INITIAL -> "feed first published with " + items + " CVEs";
          case ADDED -> "added";
          case STATUS_CHANGED -> "status changed from " + oldStatus + " to " + status;
          case EDITED -> "edited (" + String.join(", ", fields) + ")";
          case REMOVED -> "removed";
        };
    if (id == null) {
      return what;
    }
    return id + " " + what + (summary == null || summary.isEmpty() ? "" : ": " + summary);
  }

  /** Unique within a history: one refresh gives at most one event per id and kind. */
  String key() {
    return time + "/" + (id == null ? "feed" : id) + "/" + kind.wireName();
  }
}
