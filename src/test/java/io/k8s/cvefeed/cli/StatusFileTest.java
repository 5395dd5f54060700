package io.k8s.cvefeed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8s.cvefeed.publish.DirectoryPublisher;
import io.k8s.cvefeed.publish.Manifest;
import io.k8s.cvefeed.publish.Release;
import io.k8s.cvefeed.refresh.Phases;
import io.k8s.cvefeed.refresh.RefreshReport;
import io.k8s.cvefeed.refresh.TargetResult;
import io.k8s.cvefeed.render.Artifact;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusFileTest {
  @TempDir Path dir;

  private static RefreshReport report(TargetResult.Outcome outcome) {
    return new RefreshReport(
        1,
        1,
        1,
        null,
        1,
        1,
        0,
        List.of(),
        List.of(new TargetResult("file:///x", outcome, 0, 0, null)),
        "sha256:x",
        Instant.parse("2026-05-01T10:00:00Z"),
        Duration.ZERO,
        Phases.NONE);
  }

  private void publish() throws Exception {
    List<Artifact> files = List.of(Artifact.utf8("a.txt", "text/plain", "A"));
    new DirectoryPublisher(dir)
        .publish(
            new Release(
                files,
                Manifest.of("sha256:x", Instant.parse("2026-04-01T00:00:00Z"), List.of(), files)),
            null);
  }

  @Test
  void shouldRecordTheCheckAfterAnUnchangedRefresh() throws Exception {
    publish();

    StatusFile.afterRefresh(dir, report(TargetResult.Outcome.UNCHANGED), Duration.ofHours(6));

    assertThat(Files.readString(dir.resolve("status.json")))
        .contains("\"checked_at\":\"2026-05-01T10:00:00Z\"")
        .contains("\"updated_at\":\"2026-04-01T00:00:00Z\"")
        .contains("\"stale_after_seconds\":21600");
    assertThat(new DirectoryPublisher(dir).published().files()).doesNotContainKey("status.json");
  }

  @Test
  void shouldLeaveTheOldStatusWhenATargetFailed() throws Exception {
    publish();
    Files.writeString(dir.resolve("status.json"), "old");

    StatusFile.afterRefresh(dir, report(TargetResult.Outcome.FAILED), Duration.ofHours(6));

    assertThat(dir.resolve("status.json")).hasContent("old");
  }

  @Test
  void shouldWriteNothingBeforeAnyFeedIsPublished() throws Exception {
    StatusFile.afterRefresh(dir, report(TargetResult.Outcome.UNCHANGED), Duration.ofHours(6));

    assertThat(dir.resolve("status.json")).doesNotExist();
  }
}
