package io.k8s.cvefeed.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8s.cvefeed.model.Feed;
import io.k8s.cvefeed.model.FeedInfo;
import io.k8s.cvefeed.publish.DirectoryPublisher;
import io.k8s.cvefeed.publish.Manifest;
import io.k8s.cvefeed.publish.Publisher;
import io.k8s.cvefeed.publish.Release;
import io.k8s.cvefeed.render.Artifact;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetGateTest {
  private static final Instant PUBLISHED = Instant.parse("2026-01-02T03:04:05Z");
  @TempDir Path out;
  private final List<@Nullable Instant> asked = new ArrayList<>();

  /** The release of two items, stamped with the time the gate asks for (now: 2026-02-01). */
  private Release release(@Nullable Instant at) {
    asked.add(at);
    Instant stamp = at == null ? Instant.parse("2026-02-01T00:00:00Z") : at;
    List<Artifact> files =
        List.of(
            Artifact.utf8("feed.txt", "text/plain", "updated " + stamp),
            Artifact.utf8("items/CVE-2026-0001.txt", "text/plain", "one"),
            Artifact.utf8("items/CVE-2026-0002.txt", "text/plain", "two"));
    List<Artifact> content =
        List.of(Artifact.utf8("feed.txt", "text/plain", "updated"), files.get(1), files.get(2));
    return new Release(
        files,
        Manifest.of(
            Manifest.digestOf(content), stamp, List.of("CVE-2026-0001", "CVE-2026-0002"), files));
  }

  private TargetResult gate(DirectoryPublisher target) throws Exception {
    String digest = release(PUBLISHED).manifest().digest();
    asked.clear();
    Snapshot snapshot =
        new Snapshot(
            new Feed(FeedInfo.OFFICIAL, List.of(), Refresher.DIGEST_EPOCH),
            List.of("CVE-2026-0001", "CVE-2026-0002"),
            digest,
            List.of(),
            List.of(),
            Duration.ZERO,
            Duration.ZERO);
    TargetGate.Offer offer =
        new TargetGate.Offer() {
          @Override
          public String inputs() {
            return "inputs";
          }

          @Override
          public Snapshot snapshot() {
            return snapshot;
          }

          @Override
          public Release release(Publisher first, @Nullable Instant at) {
            return TargetGateTest.this.release(at);
          }
        };
    return new TargetGate(false).pass(target, offer, null);
  }

  @Test
  void shouldLeaveAWholeTargetUnchangedWithoutBuildingTheRelease() throws Exception {
    DirectoryPublisher target = new DirectoryPublisher(out);
    target.publish(release(PUBLISHED), null);

    TargetResult result = gate(target);

    assertThat(result.outcome()).isEqualTo(TargetResult.Outcome.UNCHANGED);
    assertThat(asked).isEmpty();
  }

  @Test
  void shouldRepublishAndNameWhatWasWrongWhenAFileIsMissingThoughTheDigestIsUnchanged()
      throws Exception {
    DirectoryPublisher target = new DirectoryPublisher(out);
    target.publish(release(PUBLISHED), null);
    Path release = out.resolve(".current").toRealPath();
    Files.delete(release.resolve("items/CVE-2026-0002.txt"));

    TargetResult result = gate(target);

    assertThat(result.outcome()).isEqualTo(TargetResult.Outcome.REPAIRED);
    assertThat(result.repairs()).containsExactly("items/CVE-2026-0002.txt: missing");
    assertThat(asked).containsExactly(PUBLISHED); // re-rendered with the published time
    assertThat(out.resolve("items/CVE-2026-0002.txt")).hasContent("two");
    assertThat(target.published()).isEqualTo(release(PUBLISHED).manifest());
    assertThat(target.damage(target.published())).isEmpty();
  }

  @Test
  void shouldRepairAFlatDirectoryByMovingItToReleases() throws Exception {
    Release flat = release(PUBLISHED);
    for (Artifact a : flat.artifacts()) {
      Files.createDirectories(out.resolve(a.path()).getParent());
      Files.write(out.resolve(a.path()), a.bytes());
    }
    Files.write(out.resolve(Manifest.PATH), flat.manifest().toArtifact().bytes());

    TargetResult result = gate(new DirectoryPublisher(out));

    assertThat(result.outcome()).isEqualTo(TargetResult.Outcome.REPAIRED);
    assertThat(result.repairs()).singleElement().asString().contains("flat layout");
    assertThat(Files.isSymbolicLink(out.resolve(".current"))).isTrue();
    assertThat(Files.isSymbolicLink(out.resolve("feed.txt"))).isTrue();
    assertThat(out.resolve("feed.txt")).hasContent("updated " + PUBLISHED);
  }
}
