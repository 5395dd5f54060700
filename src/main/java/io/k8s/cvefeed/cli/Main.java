package io.k8s.cvefeed.cli;

import java.util.ArrayList;
import java.util.List;

/** Process entry point. */
public final class Main {
  /** How long to wait for each selector thread to stop; it needs far less. */
  private static final long STOP_WAIT_MILLIS = 200;

  private Main() {}

  public static void main(String[] args) {
    int code = Cli.run(args, System.out, System.err, System.getenv());
    stopHttpClientSelectors();
    System.exit(code);
  }

  /**
   * Ends the JDK {@code HttpClient}'s selector threads before exiting. JDK 17's client cannot be
   * closed, and its selector thread waits in {@code epoll_wait}, native code; the JVM's exit then
   * waits 300 ms for threads in native code to settle. An interrupted selector thread leaves its
   * loop at once, so every command ends without that wait (docs/benchmarks.md). Only for the
   * process's last moment: the clients are unusable afterwards.
   */
  static int stopHttpClientSelectors() {
    List<Thread> selectors = new ArrayList<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (isHttpClientSelector(t)) {
        selectors.add(t);
      }
    }
    stop(selectors);
    return selectors.size();
  }

  static boolean isHttpClientSelector(Thread t) {
    String name = t.getName();
    return name.startsWith("HttpClient-") && name.endsWith("-SelectorManager");
  }

  /** Interrupts {@code threads} and waits a little for each to end. */
  static void stop(List<Thread> threads) {
    threads.forEach(Thread::interrupt);
    for (Thread t : threads) {
      try {
        t.join(STOP_WAIT_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
