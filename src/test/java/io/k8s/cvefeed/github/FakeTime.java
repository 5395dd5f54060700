package io.k8s.cvefeed.github;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that only moves when someone sleeps on it: waits cost no real time. */
final class FakeTime extends Clock implements Sleeper {
  /** 2026-01-01T00:00:00Z, an arbitrary fixed start. */
  static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private final AtomicReference<Instant> now = new AtomicReference<>(START);
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  @Override
  public void sleep(Duration duration) {
    sleeps.add(duration);
    now.accumulateAndGet(START, (current, ignored) -> current.plus(duration));
  }

  /** Every sleep so far, in order. */
  List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
