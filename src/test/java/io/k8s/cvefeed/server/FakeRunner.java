package io.k8s.cvefeed.server;

import io.k8s.cvefeed.refresh.Phases;
import io.k8s.cvefeed.refresh.RefreshReport;
import io.k8s.cvefeed.refresh.TargetResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A refresh that "publishes" a small feed into a directory the way the directory publisher does
 * (temporary file, then rename; manifest last). Runs can be made to wait for a gate or to fail.
 */
final class FakeRunner implements RefreshRunner {
  final AtomicInteger runs = new AtomicInteger();
  final AtomicInteger completed = new AtomicInteger();

  /** Counted down when a run starts; replace to wait for a later run. */
  volatile CountDownLatch started = new CountDownLatch(1);

  /** Runs wait here until it is open; open by default. */
  volatile CountDownLatch gate = new CountDownLatch(0);

  /** When set, runs throw this instead of publishing. */
  volatile Exception failure;

  private final Path dir;

  FakeRunner(Path dir) {
    this.dir = dir;
  }

  /** Makes the next runs wait until {@link #release()}. */
  void hold() {
    gate = new CountDownLatch(1);
  }

  void release() {
    gate.countDown();
  }

  @Override
  public RefreshReport run() throws Exception {
    int n = runs.incrementAndGet();
    started.countDown();
    if (!gate.await(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("test gate never opened");
    }
    Exception f = failure;
    if (f != null) {
      throw f;
    }
    publish("{\"version\":\"https://jsonfeed.org/version/1.1\",\"run\":" + n + "}\n");
    completed.incrementAndGet();
    return report(n);
  }

  private void publish(String feed) throws IOException {
    Files.createDirectories(dir);
    write("official-cve-feed.json", feed);
    write("manifest.json", "{\"schema\":1}\n");
  }

  private void write(String name, String content) throws IOException {
    Path tmp = dir.resolve("." + name + ".tmp");
    Files.writeString(tmp, content, StandardCharsets.UTF_8);
    Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
  }

  /** A report for a run that published 3 items, skipped 1 and read 2 pages, 1 of them a 304. */
  static RefreshReport report(int run) {
    return new RefreshReport(
        2,
        2,
        1,
        4990,
        4,
        3,
        1,
        List.of(),
        List.of(new TargetResult("file:///srv/feed", TargetResult.Outcome.PUBLISHED, 2, 0, null)),
        "sha256:" + run,
        Instant.EPOCH,
        Duration.ofMillis(5),
        Phases.NONE);
  }
}
