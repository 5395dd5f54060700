package io.k8s.cvefeed.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How every {@link Publisher} fails: a write that fails part-way, or another writer that published
 * first, leaves one whole release, and the next run completes or repairs it. Run against each
 * target through {@link PublisherContract}.
 */
public abstract class PublisherFaultContract extends PublisherUnderTest {

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
