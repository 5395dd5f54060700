package io.k8s.cvefeed.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8s.cvefeed.model.Cvss;
import io.k8s.cvefeed.model.Severity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CvssScorerTest {

  /**
   * CVSS v3.1 base scores published by FIRST in "CVSS v3.1 Examples"
   * (https://www.first.org/cvss/v3.1/examples): phpMyAdmin XSS CVE-2013-1937, MySQL SQLi
   * CVE-2013-0375, SSLv3 POODLE CVE-2014-3566, VMware guest-to-host CVE-2012-1516, Heartbleed
   * CVE-2014-0160, Shellshock CVE-2014-6271, Tomcat CVE-2009-0783, Chrome PDFium CVE-2016-1645.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N, 6.1, MEDIUM",
    "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N, 6.4, MEDIUM",
    "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N, 3.1, LOW",
    "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H, 9.9, CRITICAL",
    "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N, 7.5, HIGH",
    "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H, 9.8, CRITICAL",
    "CVSS:3.1/AV:L/AC:L/PR:H/UI:N/S:U/C:L/I:L/A:L, 4.2, MEDIUM",
    "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H, 8.8, HIGH",
  })
  void shouldMatchCvss31SpecificationExamples(String vector, double score, Severity severity) {
    assertScored(vector, score, severity);
  }

  /**
   * CVSS v4.0 base scores: the FIRST v4.0 calculator (https://www.first.org/cvss/calculator/4.0)
   * and the "CVSS v4.0 Examples" document (https://www.first.org/cvss/v4.0/examples), e.g. the
   * nginx CVE-2022-41741 row (7.3) and the all-High vulnerable-system vector (9.3).
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H, 10.0, CRITICAL",
    "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N, 9.3, CRITICAL",
    "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:L/VA:L/SC:N/SI:N/SA:N, 6.9, MEDIUM",
    "CVSS:4.0/AV:L/AC:L/AT:P/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N, 7.3, HIGH",
    "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N, 0.0, NONE",
  })
  void shouldMatchCvss40SpecificationExamples(String vector, double score, Severity severity) {
    assertScored(vector, score, severity);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "AV:N/AC:L/Au:N/C:P/I:P/A:P | CVSS v3.0, v3.1 or v4.0",
        "CVSS:2.0/AV:N/AC:L/Au:N/C:P/I:P/A:P | CVSS v3.0, v3.1 or v4.0",
        "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H/A:L | given twice",
        "CVSS:3.1/AV:N/AC:L/PR:L/UI:N | ''",
        "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:Q | ''",
      })
  void shouldRejectVectorsItCannotScore(String vector, String reasonPart) {
    CvssScorer.Result result = CvssScorer.score(vector);

    assertThat(result).isInstanceOf(CvssScorer.Result.Invalid.class);
    assertThat(((CvssScorer.Result.Invalid) result).reason()).contains(reasonPart);
  }

  private static void assertScored(String vector, double score, Severity severity) {
    CvssScorer.Result result = CvssScorer.score(vector);

    assertThat(result).isInstanceOf(CvssScorer.Result.Scored.class);
    Cvss cvss = ((CvssScorer.Result.Scored) result).cvss();
    assertThat(cvss.score()).isEqualTo(score);
    assertThat(cvss.severity()).isEqualTo(severity);
  }
}
