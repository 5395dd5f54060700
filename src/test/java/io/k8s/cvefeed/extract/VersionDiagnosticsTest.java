package io.k8s.cvefeed.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Version lines the reader cannot turn into ranges are reported as diagnostics, not guessed. */
class VersionDiagnosticsTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("unreadable")
  void shouldReportLinesItCannotRead(String line, String expected) {
    DiagnosticLog log = new DiagnosticLog(77);

    AnnouncementReader.read("#### Affected Versions\n" + line + "\n- kubelet v1.2.0\n", log);

    assertThat(log.all())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.issueNumber()).isEqualTo(77);
              assertThat(d.kind()).isEqualTo("versions.unreadable");
              assertThat(d.message())
                  .contains(line.strip())
                  .contains("Affected Versions")
                  .contains(expected);
            });
  }

  static Stream<Arguments> unreadable() {
    return Stream.of(
        Arguments.of(
            Named.of("bullet without a version", "- kubelet, see the release notes"),
            "expected an affected version"),
        Arguments.of(Named.of("greater-than", "- kubelet > v1.2.0"), "unclear"),
        Arguments.of(
            Named.of("sentence before the version", "- kubelet builds made after v1.2.0"),
            "component name"));
  }

  @Test
  void shouldReportAffectedSectionWithoutRanges() {
    DiagnosticLog log = new DiagnosticLog(5);

    AnnouncementReader.read("#### Affected Versions\nPlease check the website.\n", log);

    assertThat(log.all()).extracting(Diagnostic::kind).containsExactly("versions.none");
  }

  @Test
  void shouldReportRangeThatEndsBeforeItStarts() {
    DiagnosticLog log = new DiagnosticLog(5);

    Details d =
        AnnouncementReader.read("#### Affected Versions\n- kubelet v1.20.3 - v1.20.1\n", log);

    assertThat(d.ranges()).isEmpty();
    assertThat(log.all())
        .extracting(Diagnostic::kind)
        .containsExactly("versions.inverted", "versions.none");
  }
}
