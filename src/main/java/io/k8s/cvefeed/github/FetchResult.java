package io.k8s.cvefeed.github;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Every labelled issue (pull requests dropped), plus what fetching them cost.
 *
 * @param issues the issues, ordered by number, newest first
 * @param pages listing pages read
 * @param requests HTTP requests sent, retries included
 * @param notModified pages answered 304 and served from the cache
 * @param rateLimitRemaining the last {@code X-RateLimit-Remaining} seen, or {@code null}
 */
public record FetchResult(
    List<RawIssue> issues,
    int pages,
    int requests,
    int notModified,
    @Nullable Integer rateLimitRemaining) {

  public FetchResult {
    issues = List.copyOf(issues);
  }
}
