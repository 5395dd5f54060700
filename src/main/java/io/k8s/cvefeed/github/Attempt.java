package io.k8s.cvefeed.github;

import io.k8s.cvefeed.net.NetworkFailure;
import java.net.URI;
import org.jspecify.annotations.Nullable;

/** What one request came to. */
sealed interface Attempt<R>
    permits Attempt.Done, Attempt.Refetch, Attempt.Redirect, Attempt.Wait, Attempt.Retry {

  record Done<R>(Fetched<R> fetched) implements Attempt<R> {}

  /** The cached body was unusable: ask again without {@code If-None-Match}. */
  record Refetch<R>() implements Attempt<R> {}

  record Redirect<R>(URI location) implements Attempt<R> {}

  record Wait<R>(RateLimit limit) implements Attempt<R> {}

  /**
   * Worth another try; {@code network} when no answer came at all, so the final message adds the
   * next step for network failures.
   */
  record Retry<R>(String reason, @Nullable NetworkFailure network) implements Attempt<R> {
    Retry(String reason) {
      this(reason, null);
    }
  }
}
