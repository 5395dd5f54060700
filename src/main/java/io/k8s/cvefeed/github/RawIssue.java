package io.k8s.cvefeed.github;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A GitHub issue as the REST API returns it, reduced to the fields cvefeed reads. Pull requests
 * never become a {@code RawIssue}.
 *
 * @param number the issue number
 * @param title the title, untrusted
 * @param body the body exactly as returned (CRLF kept), {@code null} when GitHub sends none
 * @param state {@code open} or {@code closed}
 * @param stateReason {@code completed}, {@code not_planned}, {@code reopened}, or {@code null}
 * @param htmlUrl the issue page
 * @param createdAt creation time
 * @param updatedAt last update time
 * @param closedAt close time, {@code null} when open
 * @param labels label names
 * @param author the opener's login, {@code null} when unknown
 */
public record RawIssue(
    long number,
    String title,
    @Nullable String body,
    String state,
    @Nullable String stateReason,
    String htmlUrl,
    Instant createdAt,
    Instant updatedAt,
    @Nullable Instant closedAt,
    List<String> labels,
    @Nullable String author) {

  public RawIssue {
    labels = List.copyOf(labels);
  }
}
