package io.k8s.cvefeed.github;

import java.time.Duration;
import java.util.Random;

/**
 * Exponential backoff with full jitter: after the n-th failure, wait a random time between zero and
 * {@code min(max, base * 2^(n-1))}, so clients that failed together do not retry together.
 */
final class Backoff {
  private final Duration base;
  private final Duration max;
  private final Random random;

  Backoff(Duration base, Duration max, Random random) {
    this.base = base;
    this.max = max;
    this.random = random;
  }

  /** The upper bound of the wait after {@code failures} failures (1 or more). */
  Duration ceiling(int failures) {
    int shift = Math.min(Math.max(failures - 1, 0), 30);
    long millis = base.toMillis() << shift;
    return Duration.ofMillis(Math.min(max.toMillis(), millis < 0 ? Long.MAX_VALUE : millis));
  }

  /** A random wait in {@code [0, ceiling(failures)]}. */
  Duration delay(int failures) {
    long ceiling = ceiling(failures).toMillis();
    return Duration.ofMillis(ceiling == 0 ? 0 : random.nextLong(ceiling + 1));
  }
}
