package io.k8s.cvefeed.cverecord;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8s.cvefeed.extract.Diagnostic;
import io.k8s.cvefeed.model.Advisory;
import io.k8s.cvefeed.model.AffectedRange;
import io.k8s.cvefeed.model.CveId;
import io.k8s.cvefeed.model.DetailSource;
import io.k8s.cvefeed.model.RangeEvent;
import io.k8s.cvefeed.model.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Precedence: the issue's values stay; the record fills only what the issue leaves out. */
class FillerTest {
  private static final String ID = "CVE-2024-0001";

  private static Advisory announcement(List<AffectedRange> affected) {
    return Advisory.basic(
            7,
            List.of(CveId.of(ID)),
            "kubelet fixture",
            "https://github.com/kubernetes/kubernetes/issues/7",
            "",
            Instant.EPOCH,
            Instant.EPOCH,
            Status.OPEN)
        .withDetails(null, affected, DetailSource.ANNOUNCEMENT);
  }

  private static Advisory fill(Advisory a, RecordMode mode, List<Diagnostic> diagnostics)
      throws Exception {
    Lookup l = new Lookup.Found(RecordParser.parse(ID, Fixtures.kubelet(ID)), null, "x");
    return RecordStep.apply(a, Map.of(ID, l), mode, diagnostics);
  }

  @Test
  void shouldFillCvssAndRangesTheIssueLeavesOutAndSaySo() throws Exception {
    Advisory filled = fill(announcement(List.of()), RecordMode.FILL, new ArrayList<>());

    assertThat(filled.cvss()).isNotNull();
    assertThat(filled.cvss().vector()).isEqualTo("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H");
    assertThat(filled.affected())
        .containsExactly(
            new AffectedRange(
                "kubelet",
                "k8s.io/kubelet",
                List.of(RangeEvent.introduced("1.30.0"), RangeEvent.fixed("1.30.2"))));
    assertThat(filled.provenance().cvss()).isEqualTo(DetailSource.CVE_RECORD);
    assertThat(filled.provenance().affected()).isEqualTo(DetailSource.CVE_RECORD);
    assertThat(filled.provenance().cveRecordUpdated()).isEqualTo("2024-06-01T00:00:00Z");
  }

  @Test
  void shouldKeepTheIssuesFixedRanges() throws Exception {
    List<AffectedRange> ours =
        List.of(
            new AffectedRange(
                "kubelet",
                "k8s.io/kubelet",
                List.of(RangeEvent.introduced("1.30.0"), RangeEvent.fixed("1.30.3"))));
    List<Diagnostic> diagnostics = new ArrayList<>();

    Advisory filled = fill(announcement(ours), RecordMode.CHECK, diagnostics);

    assertThat(filled.affected()).isEqualTo(ours);
    assertThat(filled.provenance().affected()).isEqualTo(DetailSource.ANNOUNCEMENT);
    assertThat(diagnostics)
        .extracting(Diagnostic::kind)
        .containsExactly("cve-record.cvss-only-in-record", "cve-record.fixed");
    assertThat(diagnostics.get(1).message())
        .startsWith(
            ID + ": first unaffected versions differ: announcement [1.30.3], record [1.30.2]");
  }

  @Test
  void shouldReplaceOpenEndedRangesWithTheRecordsBoundedOnes() throws Exception {
    List<AffectedRange> open =
        List.of(
            new AffectedRange(
                "kubelet", "k8s.io/kubelet", List.of(RangeEvent.introduced("1.8.0"))));
    Advisory filled = fill(announcement(open), RecordMode.FILL, new ArrayList<>());
    assertThat(filled.provenance().affected()).isEqualTo(DetailSource.CVE_RECORD);
  }

  @Test
  void shouldReportNothingButFillInFillMode() throws Exception {
    List<Diagnostic> diagnostics = new ArrayList<>();
    fill(announcement(List.of()), RecordMode.FILL, diagnostics);
    assertThat(diagnostics).isEmpty();
  }

  @Test
  void shouldNotFillFromARejectedRecord() throws Exception {
    Lookup l = new Lookup.Found(RecordParser.parse(ID, Fixtures.rejected(ID)), null, "x");
    List<Diagnostic> diagnostics = new ArrayList<>();
    Advisory a = announcement(List.of());
    assertThat(RecordStep.apply(a, Map.of(ID, l), RecordMode.CHECK, diagnostics)).isSameAs(a);
    assertThat(diagnostics).extracting(Diagnostic::kind).containsExactly("cve-record.rejected");
  }
}
