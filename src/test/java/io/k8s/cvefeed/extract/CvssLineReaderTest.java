package io.k8s.cvefeed.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8s.cvefeed.model.Cvss;
import io.k8s.cvefeed.model.Severity;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One row per CVSS line shape seen in announcements since 2017 (hand-written lines). */
class CvssLineReaderTest {
  private static final String HIGH = "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H"; // 8.8
  private static final String URL = "https://www.first.org/cvss/calculator/3.1#";

  static Stream<Arguments> shapes() {
    return Stream.of(
        row(
            "rating prefix, link, no stated score",
            "CVSS Rating: [" + HIGH + "](" + URL + HIGH + ")",
            HIGH,
            8.8,
            Severity.HIGH),
        row(
            "link then bold severity and score",
            "CVSS Rating: [" + HIGH + "](" + URL + HIGH + ") - **HIGH** (8.8)",
            HIGH,
            8.8,
            Severity.HIGH),
        row(
            "bold severity and score before the link",
            "This issue has been rated **High** (8.8) [" + HIGH + "](" + URL + HIGH + ")",
            HIGH,
            8.8,
            Severity.HIGH),
        row(
            "score and severity in one parenthesis",
            "CVSS Rating: ([" + HIGH + "](" + URL + HIGH + ")) (Score: 8.8, High)",
            HIGH,
            8.8,
            Severity.HIGH),
        row(
            "score first, bare vector, severity last",
            "CVSS Rating: 4.7 CVSS:3.0/AV:L/AC:H/PR:L/UI:N/S:U/C:H/I:N/A:N (Medium)",
            "CVSS:3.0/AV:L/AC:H/PR:L/UI:N/S:U/C:H/I:N/A:N",
            4.7,
            Severity.MEDIUM),
        row(
            "bare vector alone on the first line",
            "CVSS:3.0/AV:N/AC:H/PR:L/UI:N/S:U/C:L/I:N/A:N\n\nThe method returns a copy.",
            "CVSS:3.0/AV:N/AC:H/PR:L/UI:N/S:U/C:L/I:N/A:N",
            3.1,
            Severity.LOW),
        row(
            "link without a rating prefix, score and lower-case severity",
            "[CVSS:3.0/AV:L/AC:H/PR:N/UI:N/S:U/C:L/I:L/A:L](" + URL + "x), 4.9 (medium)",
            "CVSS:3.0/AV:L/AC:H/PR:N/UI:N/S:U/C:L/I:L/A:L",
            4.9,
            Severity.MEDIUM),
        row(
            "link missing its opening bracket",
            "CVSS:3.0/AV:N/AC:L/PR:L/UI:N/S:U/C:N/I:N/A:H]("
                + URL
                + "CVSS:3.0/AV:N/AC:L/PR:L/UI:N/S:U/C:N/I:N/A:H) (6.5, medium)",
            "CVSS:3.0/AV:N/AC:L/PR:L/UI:N/S:U/C:N/I:N/A:H",
            6.5,
            Severity.MEDIUM),
        row(
            "lower-case metric names in the link text",
            "CVSS Rating: [CVSS:3.1/av:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H]("
                + URL
                + HIGH
                + ") - **HIGH** (8.8)",
            HIGH,
            8.8,
            Severity.HIGH),
        row(
            "CVSS score prefix and (score, severity)",
            "CVSS score: CVSS:3.0/AV:L/AC:H/PR:L/UI:R/S:U/C:L/I:L/A:N (3.3, low)",
            "CVSS:3.0/AV:L/AC:H/PR:L/UI:R/S:U/C:L/I:L/A:N",
            3.3,
            Severity.LOW),
        row(
            "severity and 'CVSS v3.1 score of' in a sentence",
            "This issue has been rated Medium with a CVSS v3.1 score of 5.9 ([CVSS:3.1/AV:N/AC:H/"
                + "PR:H/UI:N/S:U/C:H/I:H/A:N]("
                + URL
                + "x)) and assigned CVE-2024-9042.",
            "CVSS:3.1/AV:N/AC:H/PR:H/UI:N/S:U/C:H/I:H/A:N",
            5.9,
            Severity.MEDIUM),
        row(
            "severity word inside the link text with temporal metrics",
            "CVSS Rating: [CVSS:3.0/AV:N/AC:H/PR:H/UI:R/S:C/C:L/I:N/A:N/E:F (Low)](" + URL + "x)",
            "CVSS:3.0/AV:N/AC:H/PR:H/UI:R/S:C/C:L/I:N/A:N/E:F",
            2.6,
            Severity.LOW),
        row(
            "environmental metrics after the base metrics",
            "CVSS Rating: Medium (5.5)\u00a0 [CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:N/I:N/A:H/CR:H/IR:H/"
                + "AR:M]("
                + URL
                + "x)",
            "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:N/I:N/A:H/CR:H/IR:H/AR:M",
            5.5,
            Severity.MEDIUM),
        row(
            "vector on the line after the prefix",
            "CVSS Rating:\n\nIn typical clusters: medium (5.4) [CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:L/"
                + "I:L/A:N]("
                + URL
                + "x)",
            "CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:L/I:L/A:N",
            5.4,
            Severity.MEDIUM),
        row(
            "backslash-escaped brackets",
            "CVSS Rating: \\[" + HIGH + "\\] (Score: 8.8, High)",
            HIGH,
            8.8,
            Severity.HIGH),
        row(
            "CVSS 4.0 vector",
            "CVSS Rating: [CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N](x)"
                + " (Score: 9.3, Critical)",
            "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
            9.3,
            Severity.CRITICAL));
  }

  private static Arguments row(
      String name, String body, String vector, double score, Severity severity) {
    return Arguments.of(Named.of(name, body), vector, score, severity);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shapes")
  void shouldScoreEveryLineShapeWithoutDiagnostics(
      String body, String vector, double score, Severity severity) {
    DiagnosticLog log = new DiagnosticLog(1);

    Optional<Cvss> cvss = CvssLineReader.read(body, log);

    assertThat(cvss)
        .hasValueSatisfying(
            c -> {
              assertThat(c.vector()).isEqualTo(vector);
              assertThat(c.score()).isEqualTo(score);
              assertThat(c.severity()).isEqualTo(severity);
              assertThat(c.version()).isEqualTo(vector.substring(5, 8));
            });
    assertThat(log.all()).isEmpty();
  }

  @Test
  void shouldKeepComputedValuesWhenStatedSeverityDisagrees() {
    // The k8s-issues README lists "CVSS Rating: 8.8 (Medium)": 8.8 is High.
    DiagnosticLog log = new DiagnosticLog(42);

    Optional<Cvss> cvss = CvssLineReader.read("CVSS Rating: 8.8 (Medium) " + HIGH, log);

    assertThat(cvss).map(Cvss::severity).hasValue(Severity.HIGH);
    assertThat(log.all())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.kind()).isEqualTo("cvss.mismatch");
              assertThat(d.message()).contains("Medium").contains("High");
            });
  }

  @Test
  void shouldReportStatedScoreThatDisagrees() {
    DiagnosticLog log = new DiagnosticLog(42);

    Optional<Cvss> cvss = CvssLineReader.read("CVSS Rating: " + HIGH + " (Score: 9.1, High)", log);

    assertThat(cvss).map(Cvss::score).hasValue(8.8);
    assertThat(log.all()).extracting(Diagnostic::kind).containsExactly("cvss.mismatch");
  }

  @Test
  void shouldReportVectorThatCannotBeScored() {
    DiagnosticLog log = new DiagnosticLog(42);

    Optional<Cvss> cvss = CvssLineReader.read("CVSS Rating: CVSS:3.1/AV:N/AC:L/PR:L", log);

    assertThat(cvss).isEmpty();
    assertThat(log.all())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.kind()).isEqualTo("cvss.invalid");
              assertThat(d.message()).contains("CVSS:3.1/AV:N/AC:L/PR:L");
            });
  }

  @Test
  void shouldReportRatingWithoutVector() {
    DiagnosticLog log = new DiagnosticLog(42);

    assertThat(CvssLineReader.read("CVSS Rating: High\n\nText.", log)).isEmpty();
    assertThat(log.all()).extracting(Diagnostic::kind).containsExactly("cvss.no-vector");
  }

  @Test
  void shouldUseFirstVectorAndReportOthers() {
    DiagnosticLog log = new DiagnosticLog(42);
    String other = "CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:L/I:L/A:N";

    Optional<Cvss> cvss = CvssLineReader.read(HIGH + "\n\nIn other clusters: " + other, log);

    assertThat(cvss).map(Cvss::vector).hasValue(HIGH);
    assertThat(log.all()).extracting(Diagnostic::kind).containsExactly("cvss.several-vectors");
  }

  @Test
  void shouldIgnoreVectorOnlyInsideLinkTarget() {
    DiagnosticLog log = new DiagnosticLog(42);

    assertThat(CvssLineReader.read("See the [calculator](" + URL + HIGH + ").", log)).isEmpty();
    assertThat(log.all()).isEmpty();
  }
}
