package io.k8s.cvefeed.render;

import io.k8s.cvefeed.model.Advisory;
import io.k8s.cvefeed.model.AffectedRange;
import io.k8s.cvefeed.model.CveId;
import io.k8s.cvefeed.model.Cvss;
import io.k8s.cvefeed.model.DetailSource;
import io.k8s.cvefeed.model.Feed;
import io.k8s.cvefeed.model.FeedInfo;
import io.k8s.cvefeed.model.LabelProvenance;
import io.k8s.cvefeed.model.RangeEvent;
import io.k8s.cvefeed.model.Severity;
import io.k8s.cvefeed.model.Status;
import java.time.Instant;
import java.util.List;

/**
 * Hand-written feeds for the renderer tests. Issue numbers above 900000 are invented; the texts are
 * ours, shaped after real announcement quirks (see src/test/resources/fixtures/README.md).
 */
final class FeedFixtures {
  static final Instant UPDATED = Instant.parse("2024-07-01T12:00:00Z");

  private FeedFixtures() {}

  /** The golden cases by name. */
  static Feed named(String name) {
    return switch (name) {
      case "basic" -> basic();
      case "empty" -> new Feed(FeedInfo.OFFICIAL, List.of(), UPDATED);
      default -> throw new IllegalArgumentException("no fixture " + name);
    };
  }

  static Feed basic() {
    return new Feed(FeedInfo.OFFICIAL, advisories(), UPDATED);
  }

  static List<Advisory> advisories() {
    return List.of(twoIds(), hostileTitle(), unicodeV4(), markdownTitleOldIssue(), sameDayAsV4());
  }

  /** Two CVE ids in one title, CRLF body, CVSS 3.1 and two components with several ranges. */
  static Advisory twoIds() {
    return Advisory.basic(
            900101,
            List.of(CveId.of("CVE-2023-2727"), CveId.of("CVE-2023-2728")),
            "Bypassing policies imposed by the ImagePolicyWebhook and mountable secrets policy",
            "https://github.com/kubernetes/kubernetes/issues/900101",
            "CVSS Rating: [CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:N](x)\r\n\r\n"
                + "A security issue was discovered.\r\n\r\n#### Affected Versions\r\n"
                + "- kube-apiserver v1.27.0 - v1.27.2\r\n",
            Instant.parse("2023-06-13T14:42:07Z"),
            Instant.parse("2023-07-03T09:00:00Z"),
            Status.FIXED)
        .withDetails(
            new Cvss("3.1", "CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:N", 6.5, Severity.MEDIUM),
            List.of(
                new AffectedRange(
                    "kube-apiserver",
                    "k8s.io/apiserver",
                    List.of(
                        RangeEvent.introduced("1.27.0"),
                        RangeEvent.fixed("1.27.3"),
                        RangeEvent.introduced("0"),
                        RangeEvent.fixed("1.26.6"))),
                new AffectedRange(
                    "kube-apiserver-alias",
                    null,
                    List.of(RangeEvent.introduced("1.25.0"), RangeEvent.fixed("1.25.11")))),
            DetailSource.ANNOUNCEMENT);
  }

  /** Markup, quotes, ampersands and pipes in the title; empty body; open; title only. */
  static Advisory hostileTitle() {
    return Advisory.basic(
        900202,
        List.of(CveId.of("CVE-2024-0001")),
        "<script>alert(\"x\")</script> & 'quotes' | pipe | [click](javascript:alert(1)) <b>bold</b>",
        "https://github.com/kubernetes/kubernetes/issues/900202",
        "",
        Instant.parse("2024-05-02T08:00:00Z"),
        Instant.parse("2024-05-02T08:00:00Z"),
        Status.OPEN);
  }

  /** Non-ASCII text and a line separator; CVSS 4.0; last_affected range; label provenance. */
  static Advisory unicodeV4() {
    return Advisory.basic(
            900303,
            List.of(CveId.of("CVE-2024-10220")),
            "Ünïcödé – 日本語 🚀 kubelet\u2028gitRepo volume",
            "https://github.com/kubernetes/kubernetes/issues/900303",
            "Line one\nLine two with tab\tand \"quotes\" and a \\ backslash\n",
            Instant.parse("2024-11-20T17:00:00Z"),
            Instant.parse("2024-11-21T10:30:15Z"),
            Status.UNFIXED)
        .withDetails(
            new Cvss(
                "4.0",
                "CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
                8.7,
                Severity.HIGH),
            List.of(
                new AffectedRange(
                    "kubelet",
                    "k8s.io/kubelet",
                    List.of(RangeEvent.introduced("0"), RangeEvent.lastAffected("1.28.11")))),
            DetailSource.OSV_BLOCK)
        .withLabelProvenance(
            new LabelProvenance("sig-security-bot", Instant.parse("2024-11-20T18:00:00Z"), true));
  }

  /** Markdown syntax in the title, an old ` - ` issue, a CRLF-only body; unknown status. */
  static Advisory markdownTitleOldIssue() {
    return Advisory.basic(
        900404,
        List.of(CveId.of("CVE-2017-1002101")),
        "Backtick `code` *emphasis* _under_ ~strike~ \\backslash\r\nsecond line &amp; entity",
        "https://github.com/kubernetes/kubernetes/issues/900404",
        "\r\n",
        Instant.parse("2018-03-12T20:00:00Z"),
        Instant.parse("2018-03-15T20:00:00Z"),
        Status.UNKNOWN);
  }

  /** Published at the same second as {@link #unicodeV4()}: ordered by issue number. */
  static Advisory sameDayAsV4() {
    return Advisory.basic(
        900305,
        List.of(CveId.of("CVE-2024-9999")),
        "Same second, higher issue number",
        "https://github.com/kubernetes/kubernetes/issues/900305",
        "Body.",
        Instant.parse("2024-11-20T17:00:00Z"),
        Instant.parse("2024-11-20T17:00:00Z"),
        Status.FIXED);
  }
}
