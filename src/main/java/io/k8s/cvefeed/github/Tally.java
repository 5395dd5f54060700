package io.k8s.cvefeed.github;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/** What one listing cost so far; shared by its fetching threads. */
final class Tally {
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger notModified = new AtomicInteger();
  private volatile @Nullable Integer rateLimitRemaining;
  private final AtomicReference<@Nullable Instant> waitDeadline = new AtomicReference<>();

  void request() {
    requests.incrementAndGet();
  }

  void notModified() {
    notModified.incrementAndGet();
  }

  void rateLimitRemaining(@Nullable Integer remaining) {
    if (remaining != null) {
      rateLimitRemaining = remaining;
    }
  }

  /**
   * The latest time a rate-limit wait may end for the requests counted here: {@code maxWait} after
   * the first wait began. Concurrent pages waiting for the same reset share it, so {@code
   * --max-wait} bounds a whole listing's waiting, not each page's.
   */
  Instant waitDeadline(Instant now, Duration maxWait) {
    waitDeadline.compareAndSet(null, now.plus(maxWait));
    return Objects.requireNonNull(waitDeadline.get());
  }

  int requests() {
    return requests.get();
  }

  int notModifiedCount() {
    return notModified.get();
  }

  @Nullable Integer rateLimitRemaining() {
    return rateLimitRemaining;
  }
}
