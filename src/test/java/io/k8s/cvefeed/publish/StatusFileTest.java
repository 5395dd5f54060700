package io.k8s.cvefeed.publish;

import static org.assertj.core.api.Assertions.assertThat;

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

  private static final Instant CHECKED = Instant.parse("2026-05-01T10:00:00Z");

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

    StatusFile.write(dir, CHECKED, Duration.ofHours(6));

    assertThat(Files.readString(dir.resolve("status.json")))
        .contains("\"checked_at\":\"2026-05-01T10:00:00Z\"")
        .contains("\"updated_at\":\"2026-04-01T00:00:00Z\"")
        .contains("\"stale_after_seconds\":21600");
    assertThat(new DirectoryPublisher(dir).published().files()).doesNotContainKey("status.json");
  }

  @Test
  void shouldWriteNothingBeforeAnyFeedIsPublished() throws Exception {
    StatusFile.write(dir, CHECKED, Duration.ofHours(6));

    assertThat(dir.resolve("status.json")).doesNotExist();
  }
}
