package io.k8s.cvefeed.label;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8s.cvefeed.github.RawIssue;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which reasons make an issue a candidate; one row per title/label/body shape. */
class CandidateFinderTest {
  private static RawIssue issue(String title, String labels, String body) {
    List<String> names = labels.isBlank() ? List.of() : Stream.of(labels.split(" ")).toList();
    Instant t = Instant.parse("2024-01-01T00:00:00Z");
    return new RawIssue(1, title, body, "open", null, "https://example/1", t, t, null, names, "x");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "plain id                | CVE-2024-1111: kubelet flaw           |                               | no vector           | TITLE_CVE_ID",
        "bracketed prefix        | [Security Advisory] CVE-2024-2222: x  |                               |                     | TITLE_CVE_ID",
        "lower-case id           | cve-2024-3333 - proxy bypass          |                               |                     | TITLE_CVE_ID",
        "bracketed id            | [CVE-2024-6666] kubelet flaw          |                               |                     | TITLE_CVE_ID",
        "bracketed id list       | [CVE-2024-7777, CVE-2024-7778] x      |                               |                     | TITLE_CVE_ID",
        "bracketed words only    | [Security Advisory] kubelet flaw      |                               |                     | ''",
        "id later in title       | Incomplete fix for CVE-2019-11250     |                               |                     | ''",
        "security label only     | Node crash                            | committee/security-response   |                     | SECURITY_LABEL",
        "vector v3.1 only        | Pods escape                           |                               | CVSS:3.1/AV:N/AC:L  | CVSS_VECTOR",
        "vector v2 only          | Old flaw                              |                               | AV:N/AC:L/Au:N/C:P  | CVSS_VECTOR",
        "word CVSS, no vector    | Discuss scoring                       |                               | we use CVSS scores  | ''",
        "all three               | CVE-2024-4444: x                      | committee/security-response   | CVSS:3.1/AV:N/AC:L  | TITLE_CVE_ID SECURITY_LABEL CVSS_VECTOR",
        "already has feed label  | CVE-2024-5555: x                      | official-cve-feed             |                     | ''",
      })
  void shouldGiveTheReasonsAnIssueLooksLikeAnAnnouncement(
      String name, String title, String labels, String body, String expected) {
    Candidate c =
        CandidateFinder.classify(
            issue(title, labels == null ? "" : labels, body == null ? "" : body),
            "official-cve-feed");

    List<String> reasons = c == null ? List.of() : c.reasons().stream().map(Reason::name).toList();
    assertThat(String.join(" ", reasons)).isEqualTo(expected);
  }
}
