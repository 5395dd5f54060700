package io.k8s.cvefeed.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SemVerTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "v1.27.2, 1.27.2, false",
    "1.27.2, 1.27.2, false",
    "V1.24.14, 1.24.14, false",
    "v1.21, 1.21.0, true",
    "1.6.x, 1.6.0, true",
    "v2.0.0-alpha.0, 2.0.0-alpha.0, false",
    "v1.13.0-RC.1, 1.13.0-rc.1, false",
  })
  void shouldParseAnnouncementSpellings(String text, String printed, boolean wholeMinor) {
    SemVer v = SemVer.parse(text).orElseThrow();

    assertThat(v).hasToString(printed);
    assertThat(v.wholeMinor()).isEqualTo(wholeMinor);
  }

  @ParameterizedTest(name = "{0} < {1}")
  @CsvSource({
    "1.9.9, 1.10.0",
    "1.27.2, 1.27.10",
    "2.0.0-alpha.0, 2.0.0-alpha.1",
    "2.0.0-alpha.1, 2.0.0-beta.0",
    "2.0.0-rc.1, 2.0.0",
    "0.49.0, 1.0.0",
  })
  void shouldOrderNumericallyWithPreReleasesFirst(String lower, String higher) {
    SemVer a = SemVer.parse(lower).orElseThrow();
    SemVer b = SemVer.parse(higher).orElseThrow();

    assertThat(a).isLessThan(b);
    assertThat(b).isGreaterThan(a);
  }

  @ParameterizedTest
  @CsvSource({"master", "1", "v1", "1.2.3.4", "latest"})
  void shouldRejectWhatIsNotAVersion(String text) {
    assertThat(SemVer.parse(text)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "- kube-apiserver v1.27.0 - v1.27.2 | true",
        "1.6.x | true",
        "v1.2 | true",
        "kubelet <= 1.9 | true",
        "To upgrade, refer to the documentation. | false",
        "see #125534 and 3.1 | true",
        "v1. 2 | false",
        ". | false",
        "'' | false",
      })
  void shouldSayWhetherAVersionMayOccur(String text, boolean may) {
    assertThat(SemVer.mayOccurIn(text)).isEqualTo(may);
  }

  /** The pre-filter may say yes too often, never too rarely: checked on every real body line. */
  @Test
  void shouldNeverRuleOutALineThatHoldsAVersion() throws Exception {
    Pattern token = Pattern.compile(SemVer.TOKEN);
    int lines = 0;
    for (RealIssues.Entry e : RealIssues.load()) {
      String body = e.issue().body() == null ? "" : e.issue().body();
      for (String line : Markdown.lines(body)) {
        lines++;
        if (token.matcher(line).find()) {
          assertThat(SemVer.mayOccurIn(line)).as(line).isTrue();
        }
      }
    }
    assertThat(lines).isGreaterThan(1000);
  }
}
