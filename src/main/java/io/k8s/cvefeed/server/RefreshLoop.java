package io.k8s.cvefeed.server;

import io.k8s.cvefeed.refresh.RefreshReport;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Runs refreshes one at a time: at start, every interval plus jitter, and on demand. A trigger
 * during a refresh marks one more refresh as pending; further triggers join that one.
 */
final class RefreshLoop {
  /** One finished refresh: a report, or the exception that ended it. */
  record Run(
      String reason, long elapsedNanos, @Nullable RefreshReport report, @Nullable Exception error) {
    Duration elapsed() {
      return Duration.ofNanos(elapsedNanos);
    }
  }

  private final RefreshRunner runner;
  private final ScheduledExecutorService scheduler;
  private final Duration interval;
  private final Duration jitter;
  private final Consumer<Run> listener;
  private final Object lock = new Object();
  private boolean running;
  private boolean closed;
  private @Nullable String pending;
  private @Nullable ScheduledFuture<?> tick;

  RefreshLoop(
      RefreshRunner runner,
      ScheduledExecutorService scheduler,
      Duration interval,
      Duration jitter,
      Consumer<Run> listener) {
    this.runner = runner;
    this.scheduler = scheduler;
    this.interval = interval;
    this.jitter = jitter;
    this.listener = listener;
  }

  /** Runs the first refresh now and schedules the next ones. */
  void start() {
    trigger("start");
    scheduleTick();
  }

  /**
   * Asks for a refresh.
   *
   * @return {@code false} when the loop is closed and nothing will run
   */
  boolean trigger(String reason) {
    synchronized (lock) {
      if (closed) {
        return false;
      }
      if (running) {
        if (pending == null) {
          pending = reason;
        }
        return true;
      }
      running = true;
    }
    submit(reason);
    return true;
  }

  /**
   * Waits until no refresh is running or pending; for tests.
   *
   * @return {@code false} on timeout
   */
  boolean awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      while (running) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(lock, left);
      }
      return true;
    }
  }

  /**
   * Refuses further triggers, drops a pending one and waits for a running refresh to finish.
   *
   * @return {@code true} when no refresh is running any more, {@code false} on timeout
   */
  boolean close(Duration timeout) throws InterruptedException {
    synchronized (lock) {
      closed = true;
      pending = null;
      if (tick != null) {
        tick.cancel(false);
      }
    }
    return awaitIdle(timeout);
  }

  private void scheduleTick() {
    long extra = jitter.isZero() ? 0 : ThreadLocalRandom.current().nextLong(jitter.toNanos() + 1);
    synchronized (lock) {
      if (closed) {
        return;
      }
      tick =
          scheduler.schedule(
              () -> {
                trigger("schedule");
                scheduleTick();
              },
              interval.toNanos() + extra,
              TimeUnit.NANOSECONDS);
    }
  }

  private void submit(String reason) {
    try {
      scheduler.execute(() -> runThenNext(reason));
    } catch (RejectedExecutionException e) {
      synchronized (lock) {
        running = false;
        pending = null;
        lock.notifyAll();
      }
    }
  }

  private void runThenNext(String reason) {
    try {
      runOnce(reason);
    } finally {
      String next;
      synchronized (lock) {
        next = closed ? null : pending;
        pending = null;
        if (next == null) {
          running = false;
          lock.notifyAll();
        }
      }
      if (next != null) {
        submit(next);
      }
    }
  }

  private void runOnce(String reason) {
    long start = System.nanoTime();
    RefreshReport report = null;
    Exception error = null;
    try {
      report = runner.run();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      error = e;
    } catch (Exception e) {
      error = e;
    }
    listener.accept(new Run(reason, System.nanoTime() - start, report, error));
  }
}
