package io.k8s.cvefeed.extract;

import static io.k8s.cvefeed.extract.RawIssues.issue;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue text is untrusted: odd or hostile bodies give diagnostics, never an exception. Sizes stay
 * near GitHub's body limit (65,536 characters).
 */
class HostileInputTest {

  static Stream<Named<String>> bodies() {
    return Stream.of(
        Named.of("very long vector", "CVSS:3.1" + "/AV:N".repeat(12_000)),
        Named.of(
            "upper-case pre-release",
            "#### Affected Versions\n- kubelet V1.2.0-ALPHA.1 - v1.2.0-RC2\n"),
        Named.of(
            "deeply nested json osv block",
            "```json osv\n" + "[".repeat(5_000) + "]".repeat(5_000) + "\n```\n"),
        Named.of("unterminated json osv block", "```json osv\n{\"affected\": [\n"),
        Named.of(
            "huge version numbers", "#### Affected Versions\n- kubelet v999.999.9999 - v1.0\n"),
        Named.of("only headings", "#### Affected Versions\n#### Fixed Versions\n#### kubelet\n"),
        Named.of("control characters", "\u0000\u0001CVSS:3.1/\u0000\r\r\n\\\\\\[](](\n"),
        Named.of("very long line", "#### Affected Versions\n- " + "kubelet ".repeat(8_000)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bodies")
  void shouldNeverThrowOnHostileBody(String body) {
    Extraction e = new Extractor().extract(issue(1, "CVE-2099-0001: hostile", body));

    assertThat(e.advisory()).isNotNull();
    assertThat(e.diagnostics()).allSatisfy(d -> assertThat(d.message()).hasSizeLessThan(1_000));
  }
}
