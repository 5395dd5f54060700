package io.k8s.cvefeed.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.k8s.cvefeed.render.Artifact;
import io.k8s.cvefeed.render.MediaTypes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link Publisher} shares, run against each target by a subclass (vulndb
 * {@code testStore}). Subclasses give a fresh, empty target per test.
 */
public abstract class PublisherContract {

  /** A new publisher for the target under test; every call addresses the same target. */
  protected abstract Publisher newPublisher() throws Exception;

  /** The files the target holds now, by path relative to the target, manifest included. */
  protected abstract Map<String, byte[]> stored() throws Exception;

  /** Write operations the target's store has received so far (uploads, deletes, pushes, PRs). */
  protected abstract int writes() throws Exception;

  /**
   * Makes the target fail part-way through publishing: object stores refuse every write of {@code
   * path}; targets that write in one step (git) fail their last step instead.
   */
  protected abstract void failWritesOf(String path) throws Exception;

  /** Undoes {@link #failWritesOf(String)} and {@link #failNthWrite(int)}. */
  protected abstract void restoreWrites() throws Exception;

  /**
   * Makes the {@code n}th write step (1-based) of the next publish fail: the Nth upload or delete
   * of an object store, the Nth file-system step of a directory, the push of git (every {@code n}).
   */
  protected abstract void failNthWrite(int n) throws Exception;

  /** What the next run does: check the target, then publish with the damage found rewritten. */
  protected final PublishResult rerun(Release release) throws Exception {
    Publisher publisher = newPublisher();
    Manifest current = publisher.published();
    java.util.Set<String> rewrite = new java.util.HashSet<>();
    if (current != null) {
      publisher.damage(current).forEach(d -> rewrite.add(d.path()));
    }
    return publisher.publish(release, current, rewrite);
  }

  /**
   * Fails the Nth write of a publish of SECOND over FIRST, for every N until a publish succeeds.
   * After each failure the manifest must be FIRST's or SECOND's, and every stored file whole (one
   * of the two releases' versions); the next run must leave exactly one whole release.
   *
   * @param nextContent the release the next run publishes: SECOND (the content moved on) or FIRST
   *     (the content went back, so only the self-check can find the half-written files)
   * @return how many failure points were tried
   */
  protected final int failEveryWriteThenRerun(Release nextContent) throws Exception {
    newPublisher().publish(FIRST, null);
    Map<String, String> first = expectedFiles(FIRST);
    Map<String, String> second = expectedFiles(SECOND);
    for (int n = 1; n < 500; n++) {
      failNthWrite(n);
      Publisher publisher = newPublisher();
      boolean failed;
      try {
        publisher.publish(SECOND, publisher.published());
        failed = false;
      } catch (PublishException e) {
        failed = true;
      }
      restoreWrites();
      if (!failed) {
        assertThat(storedText()).as("no fault at %d", n).containsAllEntriesOf(second);
        System.out.printf(
            "fault matrix: %s, write N fails, next run %s: %d points, all whole%n",
            getClass().getSimpleName(),
            nextContent == FIRST ? "old content" : "new content",
            n - 1);
        return n - 1;
      }
      int point = n;
      Manifest after = newPublisher().published();
      assertThat(after)
          .as("manifest after fault %d", point)
          .isIn(FIRST.manifest(), SECOND.manifest());
      storedText()
          .forEach(
              (path, text) ->
                  assertThat(text)
                      .as("%s after fault %d", path, point)
                      .isIn(first.get(path), second.get(path)));

      rerun(nextContent);

      assertThat(storedText())
          .as("after the run that followed fault %d", n)
          .containsExactlyInAnyOrderEntriesOf(expectedFiles(nextContent));
      if (nextContent != FIRST) {
        newPublisher().publish(FIRST, newPublisher().published());
      }
    }
    throw new AssertionError("a publish of three files took 500 writes");
  }

  @Test
  void shouldLeaveOneWholeReleaseWhateverWriteFailsAndCompleteItOnTheNextRun() throws Exception {
    int points = failEveryWriteThenRerun(SECOND);
    assertThat(points).isPositive();
  }

  @Test
  void shouldRepairHalfWrittenFilesWhenTheNextRunHasTheOldContent() throws Exception {
    int points = failEveryWriteThenRerun(FIRST);
    assertThat(points).isPositive();
  }

  /** A release of {@code files} (path → text), all JSON, with the given CVE ids as items. */
  protected static Release release(Map<String, String> files, String... items) {
    List<Artifact> artifacts = new ArrayList<>();
    new TreeMap<>(files).forEach((p, t) -> artifacts.add(Artifact.utf8(p, MediaTypes.JSON, t)));
    Manifest manifest =
        Manifest.of(
            Manifest.digestOf(artifacts),
            Instant.parse("2026-01-02T03:04:05Z"),
            List.of(items),
            artifacts);
    return new Release(artifacts, manifest);
  }

  /** Three files: a feed and two OSV records. */
  protected static final Release FIRST =
      release(
          Map.of(
              "feed.json", "{\"items\":[1,2]}\n",
              "osv/CVE-2026-0001.json", "{\"id\":\"CVE-2026-0001\"}\n",
              "osv/CVE-2026-0002.json", "{\"id\":\"CVE-2026-0002\"}\n"),
          "CVE-2026-0001",
          "CVE-2026-0002");

  /** FIRST with the feed and one record changed. */
  protected static final Release SECOND =
      release(
          Map.of(
              "feed.json", "{\"items\":[1,2,\"changed\"]}\n",
              "osv/CVE-2026-0001.json", "{\"id\":\"CVE-2026-0001\",\"changed\":true}\n",
              "osv/CVE-2026-0002.json", "{\"id\":\"CVE-2026-0002\"}\n"),
          "CVE-2026-0001",
          "CVE-2026-0002");

  /** FIRST without CVE-2026-0002. */
  protected static final Release SHRUNK =
      release(
          Map.of(
              "feed.json", "{\"items\":[1]}\n",
              "osv/CVE-2026-0001.json", "{\"id\":\"CVE-2026-0001\"}\n"),
          "CVE-2026-0001");

  protected static Map<String, String> expectedFiles(Release release) {
    Map<String, String> files = new LinkedHashMap<>();
    for (Artifact a : release.artifacts()) {
      files.put(a.path(), text(a.bytes()));
    }
    files.put(Manifest.PATH, text(release.manifest().toArtifact().bytes()));
    return files;
  }

  protected final Map<String, String> storedText() throws Exception {
    Map<String, String> files = new LinkedHashMap<>();
    stored().forEach((p, b) -> files.put(p, text(b)));
    return files;
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Test
  void shouldWriteEveryFileThenTheManifestOnFirstPublish() throws Exception {
    Publisher publisher = newPublisher();
    assertThat(publisher.published()).isNull();

    PublishResult result = publisher.publish(FIRST, null);

    assertThat(result.written()).isEqualTo(4);
    assertThat(result.removed()).isZero();
    assertThat(result.target()).isEqualTo(publisher.target());
    assertThat(storedText()).containsExactlyInAnyOrderEntriesOf(expectedFiles(FIRST));
    assertThat(newPublisher().published()).isEqualTo(FIRST.manifest());
  }

  @Test
  void shouldReadBackAPublishedFile() throws Exception {
    newPublisher().publish(FIRST, null);

    Publisher publisher = newPublisher();
    assertThat(publisher.read("osv/CVE-2026-0002.json"))
        .isEqualTo(FIRST.artifacts().get(2).bytes());
    assertThat(publisher.read("osv/CVE-1999-0001.json")).isNull();
  }

  @Test
  void shouldWriteNothingWhenTheReleaseIsUnchanged() throws Exception {
    newPublisher().publish(FIRST, null);
    int before = writes();

    Publisher publisher = newPublisher();
    PublishResult result = publisher.publish(FIRST, publisher.published());

    assertThat(result.written()).isZero();
    assertThat(result.removed()).isZero();
    assertThat(writes()).isEqualTo(before);
  }

  @Test
  void shouldWriteOnlyChangedFilesAndTheManifest() throws Exception {
    newPublisher().publish(FIRST, null);
    int before = writes();

    Publisher publisher = newPublisher();
    PublishResult result = publisher.publish(SECOND, publisher.published());

    assertThat(result.written()).isEqualTo(3);
    assertThat(writes()).isGreaterThan(before);
    assertThat(storedText()).containsExactlyInAnyOrderEntriesOf(expectedFiles(SECOND));
    assertThat(newPublisher().published()).isEqualTo(SECOND.manifest());
  }

  @Test
  void shouldRemoveFilesThatLeftTheRelease() throws Exception {
    newPublisher().publish(FIRST, null);

    Publisher publisher = newPublisher();
    PublishResult result = publisher.publish(SHRUNK, publisher.published());

    assertThat(result.removed()).isEqualTo(1);
    assertThat(storedText()).containsExactlyInAnyOrderEntriesOf(expectedFiles(SHRUNK));
  }

  /** {@code release} as a signing run publishes it: a signature beside the manifest. */
  protected static Release signed(Release release) {
    List<Artifact> artifacts = new ArrayList<>(release.artifacts());
    artifacts.add(
        Artifact.utf8(
            Manifest.SIGNATURE_PATH, "text/plain", "signature of " + release.manifest().digest()));
    return new Release(artifacts, release.manifest());
  }

  @Test
  void shouldRemoveASignatureThatAnUnsignedChangedReleaseNoLongerMatches() throws Exception {
    newPublisher().publish(signed(FIRST), null);
    assertThat(storedText()).containsKey(Manifest.SIGNATURE_PATH);

    Publisher publisher = newPublisher();
    PublishResult result = publisher.publish(SECOND, publisher.published());

    assertThat(result.removed()).isEqualTo(1);
    assertThat(storedText()).containsExactlyInAnyOrderEntriesOf(expectedFiles(SECOND));
  }

  @Test
  void shouldLeaveTheSignatureOfAManifestThatDidNotChange() throws Exception {
    newPublisher().publish(signed(FIRST), null);

    Publisher publisher = newPublisher();
    PublishResult result = publisher.publish(FIRST, publisher.published());

    assertThat(result.written()).isZero();
    assertThat(storedText()).containsKey(Manifest.SIGNATURE_PATH);
  }

  @Test
  void shouldCountNoRemovalWhenNoSignatureWasPublished() throws Exception {
    newPublisher().publish(FIRST, null);

    Publisher publisher = newPublisher();
    PublishResult result = publisher.publish(SECOND, publisher.published());

    assertThat(result.removed()).isZero();
    assertThat(storedText()).containsExactlyInAnyOrderEntriesOf(expectedFiles(SECOND));
  }

  @Test
  void shouldKeepTheOldManifestCompleteWhenAnUploadFailsMidway() throws Exception {
    newPublisher().publish(FIRST, null);
    failWritesOf("osv/CVE-2026-0001.json");

    Publisher publisher = newPublisher();
    Manifest previous = publisher.published();
    assertThatThrownBy(() -> publisher.publish(SECOND, previous))
        .isInstanceOf(PublishException.class)
        .hasMessageStartingWith(publisher.target().split("\\?")[0]);

    Manifest after = newPublisher().published();
    assertThat(after).isEqualTo(FIRST.manifest());
    assertThat(stored().keySet()).containsAll(after.files().keySet());
  }

  @Test
  void shouldPublishOnRetryAfterAFailure() throws Exception {
    newPublisher().publish(FIRST, null);
    failWritesOf("osv/CVE-2026-0001.json");
    Publisher failing = newPublisher();
    Manifest previous = failing.published();
    assertThatThrownBy(() -> failing.publish(SECOND, previous))
        .isInstanceOf(PublishException.class);
    restoreWrites();

    Publisher publisher = newPublisher();
    publisher.publish(SECOND, publisher.published());

    assertThat(storedText()).containsExactlyInAnyOrderEntriesOf(expectedFiles(SECOND));
  }

  @Test
  void shouldFailWhenAnotherWriterPublishedSinceTheRead() throws Exception {
    newPublisher().publish(FIRST, null);
    Publisher slow = newPublisher();
    Manifest read = slow.published();

    Publisher fast = newPublisher();
    fast.publish(SECOND, fast.published());

    assertThatThrownBy(() -> slow.publish(SHRUNK, read))
        .isInstanceOf(PublishException.class)
        .hasMessageContaining("another writer published first");
    assertThat(newPublisher().published()).isEqualTo(SECOND.manifest());
  }

  @Test
  void shouldFailWhenAnotherWriterPublishedFirstToAnEmptyTarget() throws Exception {
    Publisher slow = newPublisher();
    assertThat(slow.published()).isNull();

    newPublisher().publish(FIRST, null);

    assertThatThrownBy(() -> slow.publish(SECOND, null))
        .isInstanceOf(PublishException.class)
        .hasMessageContaining("another writer published first");
    assertThat(newPublisher().published()).isEqualTo(FIRST.manifest());
  }
}
