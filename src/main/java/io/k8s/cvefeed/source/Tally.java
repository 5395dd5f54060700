package io.k8s.cvefeed.source;

import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/** What one listing cost so far; shared by its fetching threads. */
final class Tally {
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger notModified = new AtomicInteger();
  private volatile @Nullable Integer rateLimitRemaining;

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
