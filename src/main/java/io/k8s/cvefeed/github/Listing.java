package io.k8s.cvefeed.github;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Every item of a paged GitHub listing, plus what reading it cost.
 *
 * @param items the mapped items in page order (not de-duplicated: pages may shift while listing)
 * @param pages pages read
 * @param requests HTTP requests sent, retries included
 * @param notModified pages answered 304 and served from the cache
 * @param rateLimitRemaining the last {@code X-RateLimit-Remaining} seen, or {@code null}
 */
public record Listing<T>(
    List<T> items, int pages, int requests, int notModified, @Nullable Integer rateLimitRemaining) {

  public Listing {
    items = List.copyOf(items);
  }
}
