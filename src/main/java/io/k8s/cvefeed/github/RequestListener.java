package io.k8s.cvefeed.github;

import org.jspecify.annotations.Nullable;

/**
 * Hears about every HTTP request sent to GitHub, retries included, e.g. to count requests by status
 * in service metrics. Called from fetching threads: implementations must be thread-safe.
 */
@FunctionalInterface
public interface RequestListener {
  /** Does nothing. */
  RequestListener NONE = (status, rateLimitRemaining) -> {};

  /**
   * A response arrived.
   *
   * @param status the HTTP status code
   * @param rateLimitRemaining its {@code X-RateLimit-Remaining} header, or {@code null}
   */
  void onResponse(int status, @Nullable Integer rateLimitRemaining);

  /** The request failed without a response (connection refused or reset, timeout). */
  default void onNoResponse() {}
}
