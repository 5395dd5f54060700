package io.k8s.cvefeed.refresh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.k8s.cvefeed.github.SourceException;
import io.k8s.cvefeed.publish.DirectoryPublisher;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Refresher} leaves the target as it was when the feed shrank too much or the source failed.
 */
class RefresherGuardTest {
  @TempDir Path out;
  private ToyPipeline pipeline;

  @BeforeEach
  void setUp() {
    pipeline = new ToyPipeline(out);
  }

  @Test
  void shouldRefuseToPublishAFeedThatShrankAndNameTheMissingIds() throws Exception {
    for (int i = 1; i <= 20; i++) {
      pipeline.addIssue(i, String.format("CVE-2024-%04d: issue %d", i, i));
    }
    pipeline.refresher(false).refresh();
    Map<String, FileTime> before = pipeline.snapshot();
    pipeline.issues.subList(0, 3).clear();

    RefreshReport report = pipeline.refresher(false).refresh();

    TargetResult t = report.targets().get(0);
    assertThat(t.outcome()).isEqualTo(TargetResult.Outcome.REFUSED);
    assertThat(t.error()).contains("CVE-2024-0001, CVE-2024-0002, CVE-2024-0003", "--allow-shrink");
    assertThat(report.anyFailed()).isTrue();
    assertThat(pipeline.snapshot()).isEqualTo(before);
  }

  @Test
  void shouldPublishAShrunkFeedWhenAllowed() throws Exception {
    for (int i = 1; i <= 20; i++) {
      pipeline.addIssue(i, String.format("CVE-2024-%04d: issue %d", i, i));
    }
    pipeline.refresher(false).refresh();
    pipeline.issues.subList(0, 10).clear();

    RefreshReport report = pipeline.refresher(true).refresh();

    assertThat(report.targets().get(0).outcome()).isEqualTo(TargetResult.Outcome.PUBLISHED);
    assertThat(new DirectoryPublisher(out).published().items()).hasSize(10);
  }

  @Test
  void shouldAllowASmallShrink() throws Exception {
    for (int i = 1; i <= 20; i++) {
      pipeline.addIssue(i, String.format("CVE-2024-%04d: issue %d", i, i));
    }
    pipeline.refresher(false).refresh();
    pipeline.issues.remove(0);

    assertThat(pipeline.refresher(false).refresh().targets().get(0).outcome())
        .isEqualTo(TargetResult.Outcome.PUBLISHED);
  }

  @Test
  void shouldWriteNothingWhenTheSourceFails() throws Exception {
    pipeline.addIssue(1, "CVE-2024-0001: one");
    pipeline.refresher(false).refresh();
    Map<String, FileTime> before = pipeline.snapshot();
    pipeline.addIssue(2, "CVE-2024-0002: two");
    pipeline.source =
        () -> {
          throw new SourceException("https://api.github.com/...: 502 Bad Gateway");
        };

    assertThatThrownBy(() -> pipeline.refresher(false).refresh())
        .isInstanceOf(SourceException.class);
    assertThat(pipeline.snapshot()).isEqualTo(before);
  }
}
