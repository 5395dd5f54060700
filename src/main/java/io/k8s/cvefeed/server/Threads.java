package io.k8s.cvefeed.server;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** The server's thread pools: daemon threads with names that say what they do. */
final class Threads {
  private Threads() {}

  /** One thread for the schedule and the refreshes, so refreshes never overlap. */
  static ScheduledExecutorService scheduler() {
    return Executors.newSingleThreadScheduledExecutor(named("cvefeed-refresh"));
  }

  static ExecutorService httpPool(int threads) {
    return Executors.newFixedThreadPool(threads, named("cvefeed-http"));
  }

  private static ThreadFactory named(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
