package io.k8s.cvefeed.extract;

import static io.k8s.cvefeed.extract.RawIssues.issue;
import static org.assertj.core.api.Assertions.assertThat;

import io.k8s.cvefeed.github.RawIssue;
import io.k8s.cvefeed.model.Advisory;
import io.k8s.cvefeed.model.CveId;
import io.k8s.cvefeed.model.DetailSource;
import io.k8s.cvefeed.model.Status;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtractorTest {
  private final Extractor extractor = new Extractor();

  @Test
  void shouldBuildAdvisoryFromTitleStateAndIssueFields() {
    String body = "Some text\r\nwith CRLF kept\r\n";
    Extraction e =
        extractor.extract(issue(118640, "CVE-2023-2727, CVE-2023-2728: Bypassing policies", body));

    Advisory a = e.advisory();
    assertThat(a).isNotNull();
    assertThat(a.issueNumber()).isEqualTo(118640);
    assertThat(a.ids()).containsExactly(CveId.of("CVE-2023-2727"), CveId.of("CVE-2023-2728"));
    assertThat(a.summary()).isEqualTo("Bypassing policies");
    assertThat(a.url()).isEqualTo("https://github.com/kubernetes/kubernetes/issues/118640");
    assertThat(a.body()).isEqualTo(body);
    assertThat(a.published()).isEqualTo(RawIssues.CREATED);
    assertThat(a.updated()).isEqualTo(RawIssues.UPDATED);
    assertThat(a.status()).isEqualTo(Status.FIXED);
    assertThat(e.diagnostics()).isEmpty();
  }

  @Test
  void shouldSkipIssueWithoutIdAndSayWhy() {
    Extraction e = extractor.extract(issue(128007, "PLACEHOLDER ISSUE", "TBD"));

    assertThat(e.skipped()).isTrue();
    assertThat(e.diagnostics())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.issueNumber()).isEqualTo(128007);
              assertThat(d.kind()).isEqualTo("title.no-cve-id");
              assertThat(d.message()).contains("PLACEHOLDER ISSUE");
              assertThat(d.skipsIssue()).isTrue();
            });
  }

  @Test
  void shouldTurnMissingBodyIntoEmptyText() {
    Extraction e = extractor.extract(issue(1, "CVE-2025-1974: ingress-nginx", null));

    assertThat(e.advisory()).isNotNull();
    assertThat(e.advisory().body()).isEmpty();
    assertThat(e.advisory().detailSource()).isEqualTo(DetailSource.TITLE_ONLY);
  }

  @Test
  void shouldKeepAdvisoryButReportUnknownStateReason() {
    Extraction e = extractor.extract(issue(5, "CVE-2021-3121: x", "", "closed", "duplicate"));

    assertThat(e.advisory()).isNotNull();
    assertThat(e.advisory().status()).isEqualTo(Status.UNKNOWN);
    assertThat(e.diagnostics()).extracting(Diagnostic::kind).containsExactly("status.unknown");
  }

  @Test
  void shouldKeepOriginalCreationDateOfTransferredIssue() {
    // Issues moved from ingress-nginx keep their old creation date (k8s-issues README).
    Instant created = Instant.parse("2020-02-12T00:00:00Z");
    RawIssue transferred =
        new RawIssue(
            126818,
            "CVE-2020-8553: auth-type basic annotation vulnerability",
            "text",
            "closed",
            "completed",
            "https://github.com/kubernetes/kubernetes/issues/126818",
            created,
            Instant.parse("2024-08-21T00:00:00Z"),
            null,
            List.of(),
            null);

    Advisory a = extractor.extract(transferred).advisory();

    assertThat(a).isNotNull();
    assertThat(a.published()).isEqualTo(created);
  }

  @Test
  void shouldReportTitleWithIdButNoSummary() {
    Extraction e = extractor.extract(issue(9, "CVE-2021-3121:", ""));

    assertThat(e.advisory()).isNotNull();
    assertThat(e.diagnostics()).extracting(Diagnostic::kind).containsExactly("title.no-summary");
  }
}
