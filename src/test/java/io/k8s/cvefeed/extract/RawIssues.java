package io.k8s.cvefeed.extract;

import io.k8s.cvefeed.github.RawIssue;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Builds hand-written {@link RawIssue}s for tests; only the fields under test vary. */
final class RawIssues {
  static final Instant CREATED = Instant.parse("2023-06-13T14:42:06Z");
  static final Instant UPDATED = Instant.parse("2023-06-20T09:00:00Z");

  private RawIssues() {}

  static RawIssue issue(long number, String title, @Nullable String body) {
    return issue(number, title, body, "closed", "completed");
  }

  static RawIssue issue(
      long number,
      String title,
      @Nullable String body,
      String state,
      @Nullable String stateReason) {
    return new RawIssue(
        number,
        title,
        body,
        state,
        stateReason,
        "https://github.com/kubernetes/kubernetes/issues/" + number,
        CREATED,
        UPDATED,
        null,
        List.of("official-cve-feed"),
        "someone");
  }
}
