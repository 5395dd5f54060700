package io.k8s.cvefeed.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8s.cvefeed.github.RawIssue;
import io.k8s.cvefeed.publish.DirectoryPublisher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Refresher} with a {@link LastRelease}: it neither extracts nor renders again when the
 * inputs are the last refresh's, and does when they, the salt or the target changed.
 */
class RefresherLastReleaseTest {
  @TempDir Path out;
  private ToyPipeline pipeline;

  @BeforeEach
  void setUp() {
    pipeline = new ToyPipeline(out);
  }

  @Test
  void shouldNeitherExtractNorRenderWhenTheInputsAreTheLastRefreshs() throws Exception {
    pipeline.addIssue(1, "CVE-2024-0001: one");
    pipeline.addIssue(2, "no id here");
    Refresher r = pipeline.counting(LastRelease.inMemory()).build();
    RefreshReport first = r.refresh();
    Map<String, FileTime> before = pipeline.snapshot();

    RefreshReport again = r.refresh();

    assertThat(pipeline.extractions.get()).isEqualTo(2);
    assertThat(pipeline.renders.get()).isEqualTo(1);
    assertThat(again.targets().get(0).outcome()).isEqualTo(TargetResult.Outcome.UNCHANGED);
    assertThat(again.phases().extract()).isZero();
    assertThat(again.phases().render()).isZero();
    assertThat(pipeline.snapshot()).isEqualTo(before);
    // The report still tells what the feed holds and which issue it skips.
    assertThat(again.items()).isEqualTo(first.items()).isEqualTo(1);
    assertThat(again.skipped()).isEqualTo(1);
    assertThat(again.diagnostics()).isEqualTo(first.diagnostics());
    assertThat(again.digest()).isEqualTo(first.digest());
  }

  @Test
  void shouldExtractAgainWhenAnIssueChanged() throws Exception {
    pipeline.addIssue(1, "CVE-2024-0001: one");
    Refresher r = pipeline.counting(LastRelease.inMemory()).build();
    r.refresh();
    RawIssue old = pipeline.issues.remove(0);
    pipeline.issues.add(
        new RawIssue(
            old.number(),
            old.title(),
            "edited body",
            old.state(),
            old.stateReason(),
            old.htmlUrl(),
            old.createdAt(),
            old.updatedAt().plusSeconds(60),
            old.closedAt(),
            old.labels(),
            old.author()));

    RefreshReport again = r.refresh();

    assertThat(pipeline.extractions.get()).isEqualTo(2);
    assertThat(pipeline.renders.get()).isEqualTo(2);
    // The body is not in this test's rendering: same content, nothing written.
    assertThat(again.targets().get(0).outcome()).isEqualTo(TargetResult.Outcome.UNCHANGED);
  }

  @Test
  void shouldRenderAgainWhenTheTargetNoLongerHoldsWhatTheInputsGave() throws Exception {
    pipeline.addIssue(1, "CVE-2024-0001: one");
    LastRelease last = LastRelease.inMemory();
    pipeline.counting(last).build().refresh();
    // Someone else published another feed to the target meanwhile.
    pipeline.addIssue(2, "CVE-2024-0002: two");
    pipeline.builder().build().refresh();
    pipeline.issues.remove(1);

    RefreshReport again = pipeline.counting(last).allowShrink(true).build().refresh();

    assertThat(pipeline.renders.get()).isEqualTo(2);
    assertThat(again.targets().get(0).outcome()).isEqualTo(TargetResult.Outcome.PUBLISHED);
    assertThat(new DirectoryPublisher(out).published().items()).containsExactly("CVE-2024-0001");
  }

  @Test
  void shouldRenderAgainWhenTheSaltChanged() throws Exception {
    pipeline.addIssue(1, "CVE-2024-0001: one");
    LastRelease last = LastRelease.inMemory();
    pipeline.counting(last).inputsSalt("formats [JSON]").build().refresh();

    pipeline.counting(last).inputsSalt("formats [JSON, OSV]").build().refresh();

    assertThat(pipeline.renders.get()).isEqualTo(2);
  }

  @Test
  void shouldRememberTheInputsInAFileAcrossProcesses() throws Exception {
    pipeline.addIssue(1, "CVE-2024-0001: one");
    Path file = out.resolveSibling(out.getFileName() + "-cache").resolve("last-release.json");
    pipeline.counting(LastRelease.inFile(file)).build().refresh();

    RefreshReport again = pipeline.counting(LastRelease.inFile(file)).build().refresh();

    assertThat(pipeline.renders.get()).isEqualTo(1);
    assertThat(again.items()).isEqualTo(1);
    assertThat(file).exists();
  }

  @Test
  void shouldRefreshInFullWhenTheRecordIsUnreadable() throws Exception {
    pipeline.addIssue(1, "CVE-2024-0001: one");
    Path file = out.resolveSibling(out.getFileName() + "-bad").resolve("last-release.json");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "{\"schema\": 1, \"inputs\": ");

    RefreshReport report = pipeline.counting(LastRelease.inFile(file)).build().refresh();

    assertThat(report.targets().get(0).outcome()).isEqualTo(TargetResult.Outcome.PUBLISHED);
    assertThat(LastRelease.inFile(file).read()).isNotNull();
  }

  @Test
  void shouldNotRememberInputsATargetRefused() throws Exception {
    for (int i = 1; i <= 20; i++) {
      pipeline.addIssue(i, String.format("CVE-2024-%04d: item", i));
    }
    LastRelease last = LastRelease.inMemory();
    pipeline.counting(last).build().refresh();
    String recorded = last.read().inputs();
    pipeline.issues.subList(0, 10).clear();

    RefreshReport refused = pipeline.counting(last).build().refresh();

    assertThat(refused.targets().get(0).outcome()).isEqualTo(TargetResult.Outcome.REFUSED);
    assertThat(last.read().inputs()).isEqualTo(recorded);
    RefreshReport again = pipeline.counting(last).build().refresh();
    assertThat(again.targets().get(0).outcome()).isEqualTo(TargetResult.Outcome.REFUSED);
  }

  @Test
  void shouldRefreshInFullWhenAnExtraInputChangedAndRecordWhatTheSnapshotRead() throws Exception {
    pipeline.addIssue(1, "CVE-2024-0001: one");
    // A cache that the check step fills, as the CVE record source does on its first run.
    String[] cache = {"empty"};
    LastRelease last = LastRelease.inMemory();
    Refresher r =
        pipeline
            .counting(last)
            .extraInputs(now -> cache[0])
            .check(
                (advisories, diagnostics) -> {
                  cache[0] = "records v1";
                  return advisories;
                })
            .build();
    r.refresh();

    r.refresh(); // the cache the first run filled is what it recorded: nothing to do
    assertThat(pipeline.renders.get()).isEqualTo(1);

    cache[0] = "records v2"; // a record was fetched anew elsewhere
    r.refresh();
    assertThat(pipeline.renders.get()).isEqualTo(2);
  }

  @Test
  void shouldReRenderOnlyTheStampedFormatsForARelease() throws Exception {
    pipeline.addIssue(1, "CVE-2024-0001: one");

    pipeline.counting(LastRelease.inMemory()).build().refresh();

    assertThat(pipeline.renders.get()).isEqualTo(1);
    assertThat(Files.readString(out.resolve("index.txt")))
        .startsWith("updated 2026-01-01T00:00:00Z");
    assertThat(out.resolve("items/CVE-2024-0001.txt")).hasContent("one");
    assertThat(new DirectoryPublisher(out).published().files())
        .containsOnlyKeys("index.txt", "items/CVE-2024-0001.txt");
  }
}
