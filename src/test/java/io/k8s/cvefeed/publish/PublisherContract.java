package io.k8s.cvefeed.publish;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link Publisher} shares, run against each target by a subclass (vulndb
 * {@code testStore}): what a publish writes, skips and removes here, how it fails in {@link
 * PublisherFaultContract}. Subclasses give a fresh, empty target per test.
 */
public abstract class PublisherContract extends PublisherFaultContract {

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
}
