package io.k8s.cvefeed.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8s.cvefeed.extract.Diagnostic;
import io.k8s.cvefeed.publish.DirectoryPublisher;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Refresher} skips bad issues with a diagnostic and keeps going. */
class RefresherDiagnosticsTest {
  @TempDir Path out;
  private ToyPipeline pipeline;

  @BeforeEach
  void setUp() {
    pipeline = new ToyPipeline(out);
  }

  @Test
  void shouldCountSkippedIssuesAndKeepGoing() throws Exception {
    pipeline.addIssue(1, "CVE-2024-0001: one");
    pipeline.addIssue(2, "Placeholder issue");

    RefreshReport report = pipeline.refresher(false).refresh();

    assertThat(report.skipped()).isEqualTo(1);
    assertThat(report.items()).isEqualTo(1);
    assertThat(report.diagnostics()).extracting(Diagnostic::issueNumber).containsExactly(2L);
  }

  @Test
  void shouldKeepADuplicatedIdOnTheFirstIssueOnly() throws Exception {
    pipeline.addIssue(10, "CVE-2024-0001: the announcement");
    pipeline.addIssue(20, "CVE-2024-0001, CVE-2024-0002: a later issue");
    pipeline.addIssue(30, "CVE-2024-0001: a copy");

    RefreshReport report = pipeline.refresher(false).refresh();

    assertThat(new DirectoryPublisher(out).published().items())
        .containsExactly("CVE-2024-0002", "CVE-2024-0001");
    assertThat(report.diagnostics())
        .extracting(Diagnostic::issueNumber, Diagnostic::kind, Diagnostic::skipsIssue)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(20L, "feed.duplicate-id", false),
            org.assertj.core.groups.Tuple.tuple(30L, "feed.duplicate-id", true));
    assertThat(report.skipped()).isEqualTo(1);
  }

  @Test
  void shouldLeaveOutWhatTheCheckRejects() throws Exception {
    pipeline.addIssue(1, "CVE-2024-0001: one");
    pipeline.addIssue(2, "CVE-2024-0002: two");
    Refresher r =
        pipeline
            .builder()
            .check(
                (advisories, diagnostics) -> {
                  diagnostics.add(
                      new Diagnostic(2, "label.untrusted", "labelled by mallory", true));
                  return advisories.stream().filter(a -> a.issueNumber() != 2).toList();
                })
            .build();

    RefreshReport report = r.refresh();

    assertThat(report.skipped()).isEqualTo(1);
    assertThat(new DirectoryPublisher(out).published().items()).containsExactly("CVE-2024-0001");
  }
}
