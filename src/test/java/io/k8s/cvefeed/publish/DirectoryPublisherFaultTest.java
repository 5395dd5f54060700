package io.k8s.cvefeed.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.k8s.cvefeed.render.Artifact;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A full disk, an I/O error or a short write at any step of a directory publish: the publish fails,
 * readers still see the previous release whole, no staging is left, and the next run publishes.
 */
class DirectoryPublisherFaultTest {
  @TempDir Path temp;

  /** A release of a feed, a nested OSV directory and a signature-less manifest. */
  private static Release release(String version, int records) {
    List<Artifact> files = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    StringBuilder feed = new StringBuilder();
    for (int i = 0; i < records; i++) {
      String id = "CVE-2026-" + (1000 + i);
      ids.add(id);
      feed.append(id).append(' ');
      files.add(
          Artifact.utf8(
              "osv/" + id + ".json",
              "application/json",
              "{\"id\":\"" + id + "\",\"v\":\"" + version + "\"}"));
    }
    files.add(Artifact.utf8("feed.json", "application/json", feed + version));
    files.add(Artifact.utf8("index.html", "text/html", "<p>" + version));
    files.sort((a, b) -> a.path().compareTo(b.path()));
    Manifest m =
        Manifest.of(Manifest.digestOf(files), Instant.parse("2026-01-02T03:04:05Z"), ids, files);
    return new Release(files, m);
  }

  private static final Release A = release("a", 6);
  private static final Release B = release("b", 9);

  /** Every manifest entry as a reader finds it under {@code dir}; fails on a mix. */
  static Manifest wholeRelease(Path dir) throws Exception {
    Manifest m = Manifest.parse(Files.readAllBytes(dir.resolve(Manifest.PATH)), "manifest");
    for (Map.Entry<String, Manifest.FileEntry> e : m.files().entrySet()) {
      assertThat(Artifact.sha256Hex(Files.readAllBytes(dir.resolve(e.getKey()))))
          .as(e.getKey())
          .isEqualTo(e.getValue().sha256());
    }
    return m;
  }

  private static boolean stagingLeft(Path dir) throws Exception {
    try (Stream<Path> list = Files.list(dir.resolve(".releases"))) {
      return list.anyMatch(p -> p.getFileName().toString().endsWith(".staging"));
    }
  }

  @ParameterizedTest
  @EnumSource(FailingOps.Fault.class)
  void shouldKeepThePreviousReleaseWholeWhateverStepFails(FailingOps.Fault fault) throws Exception {
    int tried = 0;
    for (int n = 1; ; n++) {
      Path dir = temp.resolve(fault + "-" + n);
      FailingOps ops = new FailingOps();
      new DirectoryPublisher(dir, ops).publish(A, null);
      ops.failStep(n, fault);
      DirectoryPublisher publisher = new DirectoryPublisher(dir, ops);
      boolean failed;
      try {
        publisher.publish(B, publisher.published());
        failed = false;
      } catch (PublishException e) {
        failed = true;
        assertThat(e).hasMessageStartingWith(dir.toUri().toString());
      }
      ops.restore();
      if (!failed && ops.steps() < n) {
        break; // the publish took fewer steps than n: every point was tried
      }
      tried++;
      Manifest seen = wholeRelease(dir);
      if (failed) {
        // a failure after the switch (clean-up) may leave B; before it, always A
        assertThat(seen).isIn(A.manifest(), B.manifest());
        assertThat(stagingLeft(dir)).as("staging after a fault at %d", n).isFalse();
      }
      DirectoryPublisher next = new DirectoryPublisher(dir, ops);
      Manifest current = next.published();
      java.util.Set<String> rewrite = new java.util.HashSet<>();
      next.damage(current).forEach(d -> rewrite.add(d.path()));
      next.publish(B, current, rewrite);
      assertThat(wholeRelease(dir)).isEqualTo(B.manifest());
      assertThat(next.damage(B.manifest())).isEmpty();
    }
    System.out.println("fault matrix: " + fault + " at step N: " + tried + " points, all whole");
    assertThat(tried).isGreaterThan(fault == FailingOps.Fault.SHORT_WRITE ? 5 : 30);
  }

  @Test
  void shouldNeverSwitchInAReleaseWhoseStagedFileIsShort() throws Exception {
    Path dir = temp.resolve("short");
    FailingOps ops = new FailingOps();
    new DirectoryPublisher(dir, ops).publish(A, null);
    ops.failStep(1, FailingOps.Fault.SHORT_WRITE);
    DirectoryPublisher publisher = new DirectoryPublisher(dir, ops);

    assertThatThrownBy(() -> publisher.publish(B, publisher.published()))
        .isInstanceOf(PublishException.class)
        .hasMessageContaining("staged files differ from the rendered release");
    assertThat(wholeRelease(dir)).isEqualTo(A.manifest());
  }

  @Test
  void shouldRepairAFileDamagedAfterPublishing() throws Exception {
    Path dir = temp.resolve("damaged");
    DirectoryPublisher p = new DirectoryPublisher(dir);
    p.publish(A, null);
    Path release = dir.resolve(".current").toRealPath();
    Files.delete(release.resolve("osv/CVE-2026-1001.json"));
    Files.writeString(release.resolve("feed.json"), "tampered");

    List<Damage> damage = p.damage(p.published());

    assertThat(damage)
        .extracting(Damage::toString)
        .containsExactly(
            "feed.json: 8 bytes, the manifest says 85", "osv/CVE-2026-1001.json: missing");
    java.util.Set<String> rewrite = new java.util.HashSet<>();
    damage.forEach(d -> rewrite.add(d.path()));
    p.publish(A, p.published(), rewrite);
    assertThat(wholeRelease(dir)).isEqualTo(A.manifest());
    assertThat(p.damage(A.manifest())).isEmpty();
  }

  @Test
  void shouldKeepThePreviousReleaseAndDeleteOlderOnes() throws Exception {
    Path dir = temp.resolve("prune");
    DirectoryPublisher p = new DirectoryPublisher(dir);
    p.publish(A, null);
    p.publish(B, p.published());
    p.publish(release("c", 3), p.published());

    try (Stream<Path> list = Files.list(dir.resolve(".releases"))) {
      assertThat(list.count()).isEqualTo(2);
    }
    assertThat(dir.resolve("osv/CVE-2026-1008.json")).doesNotExist();
  }

  @Test
  void shouldMakeASecondWriterWaitThenStopWithAClearMessage() throws Exception {
    Path dir = temp.resolve("two");
    new DirectoryPublisher(dir).publish(A, null);
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    FileOps slow =
        new FileOps() {
          @Override
          void write(Path file, Artifact a) throws java.io.IOException {
            holding.countDown();
            try {
              release.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            super.write(file, a);
          }
        };
    DirectoryPublisher first = new DirectoryPublisher(dir, slow);
    Manifest seen = first.published();
    CompletableFuture<PublishResult> one =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return first.publish(B, seen);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    holding.await();
    DirectoryPublisher second = new DirectoryPublisher(dir);
    CompletableFuture<Throwable> two =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                second.publish(release("c", 3), seen);
                return new AssertionError("the second writer published");
              } catch (Exception e) {
                return e;
              }
            });
    release.countDown();

    one.get();
    assertThat(two.get())
        .isInstanceOf(PublishException.class)
        .hasMessageContaining("another writer published first");
    assertThat(wholeRelease(dir)).isEqualTo(B.manifest());
  }
}
