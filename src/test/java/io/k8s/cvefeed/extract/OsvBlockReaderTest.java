package io.k8s.cvefeed.extract;

import static io.k8s.cvefeed.extract.RawIssues.issue;
import static org.assertj.core.api.Assertions.assertThat;

import io.k8s.cvefeed.model.Advisory;
import io.k8s.cvefeed.model.DetailSource;
import io.k8s.cvefeed.model.Severity;
import org.junit.jupiter.api.Test;

/** The embedded {@code json osv} block path, through the public {@link Extractor}. */
class OsvBlockReaderTest {
  private static final String TITLE = "CVE-2099-0001: Example flaw";
  private final Extractor extractor = new Extractor();

  /** A text part that disagrees with the block, so the test shows which one wins. */
  private static final String TEXT =
      "CVSS Rating: [CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H](x)\r\n\r\n"
          + "#### Affected Versions\r\n- kubelet v1.1.0 - v1.1.2\r\n\r\n";

  private static String block(String json) {
    return TEXT
        + "<details>\r\n<summary>OSV record</summary>\r\n\r\n```json osv\r\n"
        + json
        + "\r\n```\r\n</details>\r\n";
  }

  private static final String RECORD =
      """
      {"id": "CVE-2099-0001",
       "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:L/AC:L/PR:H/UI:N/S:U/C:L/I:L/A:N"}],
       "affected": [{"package": {"ecosystem": "Kubernetes", "name": "kube-apiserver"},
         "ranges": [{"type": "SEMVER", "events": [
           {"introduced": "1.27.0"}, {"fixed": "v1.27.3"}]}]}]}""";

  @Test
  void shouldTakeRangesAndSeverityFromValidBlock() {
    Advisory a = extractor.extract(issue(1, TITLE, block(RECORD))).advisory();

    assertThat(a).isNotNull();
    assertThat(a.detailSource()).isEqualTo(DetailSource.OSV_BLOCK);
    assertThat(RangeText.format(a.affected()))
        .isEqualTo("kube-apiserver: introduced=1.27.0 fixed=1.27.3");
    assertThat(a.cvss()).isNotNull();
    assertThat(a.cvss().score()).isEqualTo(3.4);
    assertThat(a.cvss().severity()).isEqualTo(Severity.LOW);
  }

  @Test
  void shouldReadAGoModulePackageAsItsComponentAndKeepTheModule() {
    String record = RECORD.replace("\"kube-apiserver\"}", "\"k8s.io/apiserver\"}");
    String named =
        RECORD
            .replace("\"kube-apiserver\"}", "\"sigs.k8s.io/new-driver\"}")
            .replace("]}]}]}", "]}], \"ecosystem_specific\": {\"component\": \"fancy-driver\"}}]}");

    Advisory a = extractor.extract(issue(1, TITLE, block(record))).advisory();
    Advisory b = extractor.extract(issue(1, TITLE, block(named))).advisory();

    assertThat(a).isNotNull();
    assertThat(a.affected())
        .extracting(r -> r.component() + " " + r.module())
        .containsExactly("kube-apiserver k8s.io/apiserver");
    assertThat(b).isNotNull();
    assertThat(b.affected())
        .extracting(r -> r.component() + " " + r.module())
        .containsExactly("fancy-driver sigs.k8s.io/new-driver");
  }

  @Test
  void shouldReportWhenTextVectorDiffersFromBlock() {
    Extraction e = extractor.extract(issue(1, TITLE, block(RECORD)));

    assertThat(e.diagnostics()).extracting(Diagnostic::kind).containsExactly("osv.cvss-differs");
  }

  @Test
  void shouldFallBackToTextWhenBlockIsNotJson() {
    Extraction e = extractor.extract(issue(1, TITLE, block("{\"id\": \"CVE-2099-0001\",")));

    assertThat(e.advisory()).isNotNull();
    assertThat(e.advisory().detailSource()).isEqualTo(DetailSource.ANNOUNCEMENT);
    assertThat(RangeText.format(e.advisory().affected()))
        .isEqualTo("kubelet: introduced=1.1.0 last_affected=1.1.2");
    assertThat(e.diagnostics()).extracting(Diagnostic::kind).containsExactly("osv.invalid");
  }

  @Test
  void shouldFallBackWhenBlockLacksAffectedPackages() {
    Extraction e = extractor.extract(issue(1, TITLE, block("{\"id\": \"CVE-2099-0001\"}")));

    assertThat(e.advisory().detailSource()).isEqualTo(DetailSource.ANNOUNCEMENT);
    assertThat(e.diagnostics())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.kind()).isEqualTo("osv.invalid");
              assertThat(d.message()).contains("affected");
            });
  }

  @Test
  void shouldFallBackWhenAnEventHasNoVersion() {
    String json = RECORD.replace("{\"fixed\": \"v1.27.3\"}", "{\"fixed\": 3}");

    Extraction e = extractor.extract(issue(1, TITLE, block(json)));

    assertThat(e.advisory().detailSource()).isEqualTo(DetailSource.ANNOUNCEMENT);
    assertThat(e.diagnostics()).extracting(Diagnostic::kind).containsExactly("osv.invalid");
  }

  @Test
  void shouldTakeSeverityFromTextWhenBlockHasNone() {
    String json = RECORD.replaceFirst("\"severity\": \\[[^]]*],", "");

    Extraction e = extractor.extract(issue(1, TITLE, block(json)));

    assertThat(e.advisory().detailSource()).isEqualTo(DetailSource.OSV_BLOCK);
    assertThat(e.advisory().cvss()).isNotNull();
    assertThat(e.advisory().cvss().score()).isEqualTo(8.8);
    assertThat(e.diagnostics()).isEmpty();
  }

  @Test
  void shouldReportBlockAboutAnotherCve() {
    String json = RECORD.replace("CVE-2099-0001", "CVE-2099-0002");

    Extraction e = extractor.extract(issue(1, TITLE, block(json)));

    assertThat(e.advisory().detailSource()).isEqualTo(DetailSource.OSV_BLOCK);
    assertThat(e.diagnostics()).extracting(Diagnostic::kind).contains("osv.id-mismatch");
  }

  @Test
  void shouldUseTitleOnlyWhenBodyHasNeitherBlockNorLayout() {
    Extraction e = extractor.extract(issue(1, TITLE, "We fixed a bug. Please upgrade."));

    assertThat(e.advisory().detailSource()).isEqualTo(DetailSource.TITLE_ONLY);
    assertThat(e.advisory().cvss()).isNull();
    assertThat(e.advisory().affected()).isEmpty();
  }
}
