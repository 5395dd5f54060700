package io.k8s.cvefeed.cverecord;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8s.cvefeed.cverecord.CveRecord.VersionEntry;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One row per version-entry shape the real records use (the record named in each row). */
class EntryReaderTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      textBlock =
          """
          # row                                  | version                     | lessThan   | lessThanOrEqual | span
          wildcard line (CVE-2019-11244)         | v1.8.0                      | v1.8*      | -               | 1.8.0 limit 1.9.0
          unspecified start (CVE-2020-8551)      | unspecified                 | v1.17.3    | -               | ? fixed 1.17.3
          zero start (CVE-2023-2431)             | 0                           | v1.24.14   | -               | 0 fixed 1.24.14
          labelled span start (CVE-2021-25749)   | kubelet v1.22.0 - v1.22.13  | v1.22.14   | -               | 1.22.0 fixed 1.22.14
          line with lessThanOrEqual (CVE-2024-9042) | v1.30                    | -          | v1.30.8         | 1.30.0 last_affected 1.30.8
          semver lessThanOrEqual (CVE-2023-5528) | v1.28.0                     | -          | v1.28.3         | 1.28.0 last_affected 1.28.3
          prior to (CVE-2019-11247)              | prior to 1.13.9             | -          | -               | ? fixed 1.13.9
          less than (CVE-2020-8564)              | < 1.19.3                    | -          | -               | ? fixed 1.19.3
          at most (CVE-2020-8565)                | <= 1.19.3                   | -          | -               | ? last_affected 1.19.3
          at most, no blank (CVE-2024-9042)      | <=v1.29.12                  | -          | -               | ? last_affected 1.29.12
          pre-release bound (CVE-2020-8565)      | < 1.20.0-alpha2             | -          | -               | ? fixed 1.20.0-alpha2
          a minor line (CVE-2019-11247)          | 1.7                         | -          | -               | 1.7.0 limit 1.8.0
          x line (CVE-2017-1002102)              | v1.3.x                      | -          | -               | 1.3.0 limit 1.4.0
          span (CVE-2023-2727)                   | v1.25.0 - v1.25.10          | -          | -               | 1.25.0 last_affected 1.25.10
          single version (CVE-2019-11245)        | v1.13.6                     | -          | -               | 1.13.6 last_affected 1.13.6
          all versions (CVE-2020-8554)           | Kubernetes all versions     | -          | -               | 0
          prior to a line (CVE-2019-11250)       | prior to 1.16               | -          | -               | ? fixed 1.16.0
          """)
  void shouldReadEachRealShape(
      String row, String version, String lessThan, String lessThanOrEqual, String span) {
    EntryReader.Read read =
        EntryReader.read(new VersionEntry(version, lessThan, lessThanOrEqual, "affected", null));
    assertThat(read).as(row).isInstanceOf(EntryReader.Affected.class);
    assertThat(describe(((EntryReader.Affected) read).span())).as(row).isEqualTo(span);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      textBlock =
          """
          # row                                 | version   | lessThan | lessThanOrEqual | reason
          operator as bound (CVE-2023-2727)     | v1.24.14  | -        | <=              | lessThanOrEqual "<=" is not a version
          bound not above (CVE-2018-1002102)    | v1.14     | v1.14.0  | -               | lessThan "v1.14.0" is not above version "v1.14" (1.14.0)
          n/a (CVE-2021-3121)                   | n/a       | -        | -               | version "n/a" is not a version or a range
          words as bound                        | 1.2.0     | soon     | -               | lessThan "soon" is not a version
          """)
  void shouldNameWhatItCannotRead(
      String row, String version, String lessThan, String lessThanOrEqual, String reason) {
    EntryReader.Read read =
        EntryReader.read(new VersionEntry(version, lessThan, lessThanOrEqual, "affected", null));
    assertThat(read).as(row).isEqualTo(new EntryReader.Unreadable(reason));
  }

  /** {@code 1.8.0 limit 1.9.0}; {@code ?} for an open start. */
  private static String describe(Span s) {
    return s.events().stream()
        .map(
            e ->
                (e.kind().osvName().equals("introduced") ? "" : e.kind().osvName() + " ")
                    + e.version())
        .collect(Collectors.joining(" "))
        .replaceFirst("^0 ", s.start() == null ? "? " : "0 ");
  }
}
