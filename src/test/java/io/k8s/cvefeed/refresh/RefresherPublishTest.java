package io.k8s.cvefeed.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8s.cvefeed.publish.DirectoryPublisher;
import io.k8s.cvefeed.publish.Manifest;
import io.k8s.cvefeed.render.Artifact;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Refresher} publishes what changed, and nothing when nothing did. */
class RefresherPublishTest {
  @TempDir Path out;
  private ToyPipeline pipeline;

  @BeforeEach
  void setUp() {
    pipeline = new ToyPipeline(out);
  }

  @Test
  void shouldPublishEveryArtifactAndManifestOnFirstRefresh() throws Exception {
    pipeline.addIssue(1, "CVE-2024-0001: one");
    pipeline.addIssue(2, "CVE-2024-0002, CVE-2024-0003: two");

    RefreshReport report = pipeline.refresher(false).refresh();

    assertThat(report.items()).isEqualTo(3);
    assertThat(report.targets())
        .singleElement()
        .extracting(TargetResult::outcome)
        .isEqualTo(TargetResult.Outcome.PUBLISHED);
    Manifest manifest = new DirectoryPublisher(out).published();
    assertThat(manifest).isNotNull();
    assertThat(manifest.items()).containsExactly("CVE-2024-0002", "CVE-2024-0003", "CVE-2024-0001");
    assertThat(manifest.files())
        .containsOnlyKeys(
            "index.txt",
            "items/CVE-2024-0001.txt",
            "items/CVE-2024-0002.txt",
            "items/CVE-2024-0003.txt");
    assertThat(Files.readString(out.resolve("index.txt")))
        .startsWith("updated 2026-01-01T00:00:00Z");
    assertThat(manifest.files().get("index.txt").sha256())
        .isEqualTo(Artifact.sha256Hex(Files.readAllBytes(out.resolve("index.txt"))));
  }

  @Test
  void shouldSkipPublishWhenDigestUnchanged() throws Exception {
    pipeline.addIssue(1, "CVE-2024-0001: one");
    pipeline.refresher(false).refresh();
    Files.setLastModifiedTime(out.resolve(Manifest.PATH), FileTime.from(Instant.EPOCH));
    Map<String, FileTime> before = pipeline.snapshot();
    pipeline.clock.advance(java.time.Duration.ofSeconds(7200));

    RefreshReport report = pipeline.refresher(false).refresh();

    assertThat(report.targets().get(0).outcome()).isEqualTo(TargetResult.Outcome.UNCHANGED);
    assertThat(report.targets().get(0).written()).isZero();
    assertThat(pipeline.snapshot()).isEqualTo(before);
  }

  @Test
  void shouldStampUpdatedAtWithTheTimeTheContentChanged() throws Exception {
    pipeline.addIssue(1, "CVE-2024-0001: one");
    pipeline.refresher(false).refresh();
    pipeline.clock.advance(java.time.Duration.ofHours(1));
    pipeline.addIssue(2, "CVE-2024-0002: two");

    RefreshReport report = pipeline.refresher(false).refresh();

    assertThat(report.targets().get(0).outcome()).isEqualTo(TargetResult.Outcome.PUBLISHED);
    assertThat(new DirectoryPublisher(out).published().updatedAt())
        .isEqualTo(Instant.parse("2026-01-01T01:00:00Z"));
    assertThat(Files.readString(out.resolve("index.txt")))
        .startsWith("updated 2026-01-01T01:00:00Z");
  }

  @Test
  void shouldRemoveArtifactsThatLeftTheFeed() throws Exception {
    pipeline.addIssue(1, "CVE-2024-0001: one");
    pipeline.addIssue(2, "CVE-2024-0002: two");
    pipeline.refresher(false).refresh();
    pipeline.issues.remove(1);

    RefreshReport report = pipeline.refresher(true).refresh();

    assertThat(report.targets().get(0).removed()).isEqualTo(1);
    assertThat(out.resolve("items/CVE-2024-0002.txt")).doesNotExist();
    assertThat(out.resolve("items/CVE-2024-0001.txt")).exists();
  }

  @Test
  void shouldPublishExtrasAndSignatureButKeepThemOutOfTheDigest() throws Exception {
    pipeline.addIssue(1, "CVE-2024-0001: one");
    List<RefreshReport> heard = new ArrayList<>();
    Refresher.Builder b =
        pipeline
            .builder()
            .extras(
                (feed, rendered, now, primary) ->
                    List.of(Artifact.utf8("changes.txt", "text/plain", "at " + now)))
            .signer(m -> new Artifact("manifest.json.sig", "application/octet-stream", m.bytes()))
            .listener(heard::add);

    RefreshReport first = b.build().refresh();
    pipeline.clock.advance(java.time.Duration.ofSeconds(60));
    RefreshReport second = b.build().refresh();

    Manifest manifest = new DirectoryPublisher(out).published();
    assertThat(manifest.files()).containsKey("changes.txt").doesNotContainKey("manifest.json.sig");
    assertThat(Files.readAllBytes(out.resolve("manifest.json.sig")))
        .isEqualTo(Files.readAllBytes(out.resolve("manifest.json")));
    assertThat(second.digest()).isEqualTo(first.digest());
    assertThat(second.targets().get(0).outcome()).isEqualTo(TargetResult.Outcome.UNCHANGED);
    assertThat(heard).containsExactly(first, second);
  }
}
