package io.k8s.cvefeed.github;

import java.time.Duration;

/** Waits between retries and for rate limits; tests inject one that returns at once. */
@FunctionalInterface
public interface Sleeper {
  /** Blocks for {@code duration}; zero or negative returns at once. */
  void sleep(Duration duration) throws InterruptedException;

  /** Sleeps the calling thread for real. */
  static Sleeper system() {
    return duration -> {
      if (duration.isNegative() || duration.isZero()) {
        return;
      }
      Thread.sleep(duration.toMillis());
    };
  }
}
