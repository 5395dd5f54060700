package io.k8s.cvefeed.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8s.cvefeed.model.CveId;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One row per title quirk listed in shared/data/k8s-issues/README.md (plus a few shapes the parser
 * promises to accept). Titles are written for the test in the style of the real ones.
 */
class TitleParserTest {

  static Stream<Arguments> titles() {
    return Stream.of(
        row(
            "plain id and colon",
            "CVE-2023-2431: Bypass of seccomp",
            "Bypass of seccomp",
            "CVE-2023-2431"),
        row(
            "two ids in one title",
            "CVE-2023-2727, CVE-2023-2728: Bypassing policies",
            "Bypassing policies",
            "CVE-2023-2727",
            "CVE-2023-2728"),
        row(
            "dash instead of colon",
            "CVE-2017-1002102 - atomic writer volume handling",
            "atomic writer volume handling",
            "CVE-2017-1002102"),
        row(
            "versions before the summary stay in the summary",
            "CVE-2019-11243: v1.12.0-v1.12.4, v1.13.0: rest.AnonymousClientConfig() leaks",
            "v1.12.0-v1.12.4, v1.13.0: rest.AnonymousClientConfig() leaks",
            "CVE-2019-11243"),
        row(
            "second prefix before the summary",
            "CVE-2019-11250: TOB-K8S-001: Bearer tokens are revealed in logs",
            "TOB-K8S-001: Bearer tokens are revealed in logs",
            "CVE-2019-11250"),
        row(
            "other id inside the summary is not the issue's",
            "CVE-2020-8565: Incomplete fix for CVE-2019-11250 allows token leak",
            "Incomplete fix for CVE-2019-11250 allows token leak",
            "CVE-2020-8565"),
        row(
            "two other ids inside the summary",
            "CVE-2019-11249: Incomplete fixes for CVE-2019-1002101 and CVE-2019-11246, kubectl cp",
            "Incomplete fixes for CVE-2019-1002101 and CVE-2019-11246, kubectl cp",
            "CVE-2019-11249"),
        row(
            "bracketed prefix before the id",
            "[Security Advisory] CVE-2024-9042: Command Injection",
            "Command Injection",
            "CVE-2024-9042"),
        row(
            "bracketed id",
            "[CVE-2021-96583] Improper validation of an external IP in ingress-nginx",
            "Improper validation of an external IP in ingress-nginx",
            "CVE-2021-96583"),
        row(
            "bracketed list of ids",
            "[CVE-2023-2727, CVE-2023-2728] Bypassing policies",
            "Bypassing policies",
            "CVE-2023-2727",
            "CVE-2023-2728"),
        row(
            "bracketed id after a bracketed prefix, then a colon",
            "[Security Advisory] [CVE-2024-9042]: Command Injection",
            "Command Injection",
            "CVE-2024-9042"),
        row(
            "bracketed prefix without an id",
            "[Security Advisory] Command Injection",
            "[Security Advisory] Command Injection"),
        row(
            "bracket holding an id and words is a prefix, not an id block",
            "[CVE-2024-9042 follow-up] notes",
            "[CVE-2024-9042 follow-up] notes"),
        row(
            "backticks kept in the summary",
            "CVE-2021-25748: Ingress-nginx `path` sanitization",
            "Ingress-nginx `path` sanitization",
            "CVE-2021-25748"),
        row(
            "lower-case id is upper-cased",
            "cve-2021-25741: Symlink Exchange",
            "Symlink Exchange",
            "CVE-2021-25741"),
        row(
            "en dash separator",
            "CVE-2021-25741 \u2013 Symlink Exchange",
            "Symlink Exchange",
            "CVE-2021-25741"),
        row(
            "ids joined by and",
            "CVE-2023-2727 and CVE-2023-2728: Bypass",
            "Bypass",
            "CVE-2023-2727",
            "CVE-2023-2728"),
        row(
            "repeated id counted once",
            "CVE-2023-2727, CVE-2023-2727: Bypass",
            "Bypass",
            "CVE-2023-2727"),
        row(
            "leading blanks and no separator", "  CVE-2021-3121 Processes may panic",
            "Processes may panic", "CVE-2021-3121"),
        row("id alone leaves an empty summary", "CVE-2021-3121", "", "CVE-2021-3121"),
        row(
            "five-digit sequence", "CVE-2024-10220: Arbitrary command execution",
            "Arbitrary command execution", "CVE-2024-10220"),
        row("placeholder title", "Placeholder Issue", "Placeholder Issue"),
        row("upper-case placeholder title", "PLACEHOLDER ISSUE", "PLACEHOLDER ISSUE"),
        row("reserved title", "[RESERVED]", "[RESERVED]"),
        row(
            "original bug title, not yet renamed",
            "Proxy connection gets stuck on error response",
            "Proxy connection gets stuck on error response"),
        row(
            "id only later in the title",
            "Tracked as CVE-2018-1002100: kubectl cp",
            "Tracked as CVE-2018-1002100: kubectl cp"),
        row(
            "id glued to letters is no id",
            "CVE-2021-3121x: not an id",
            "CVE-2021-3121x: not an id"));
  }

  private static Arguments row(String name, String title, String summary, String... ids) {
    return Arguments.of(Named.of(name, title), summary, Arrays.stream(ids).map(CveId::of).toList());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("titles")
  void shouldReadLeadingIdsAndSummary(String title, String summary, List<CveId> ids) {
    TitleParser.Title parsed = TitleParser.parse(title);

    assertThat(parsed.ids()).containsExactlyElementsOf(ids);
    assertThat(parsed.summary()).isEqualTo(summary);
  }
}
