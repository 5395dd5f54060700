package io.k8s.cvefeed.render;

import io.k8s.cvefeed.model.Advisory;
import io.k8s.cvefeed.model.AffectedRange;
import io.k8s.cvefeed.model.CveId;
import io.k8s.cvefeed.model.Cvss;
import io.k8s.cvefeed.model.DetailSource;
import io.k8s.cvefeed.model.Feed;
import io.k8s.cvefeed.model.FeedInfo;
import io.k8s.cvefeed.model.RangeEvent;
import io.k8s.cvefeed.model.Severity;
import io.k8s.cvefeed.model.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The web page's fixture: the renderer {@code basic} feed plus one announcement whose title and
 * body try every way into the page (raw HTML, event handlers, {@code javascript:} links, an image)
 * next to the Markdown announcements really use (headings, lists, a table, code). Texts are ours.
 */
final class WebFixtures {
  static final String HOSTILE_ID = "CVE-2025-1974";

  /** What the hostile body carries, line by line. */
  static final String HOSTILE_BODY =
      String.join(
          "\r\n",
          "CVSS Rating: [CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H](https://www.first.org/cvss/)",
          "",
          "A security issue was discovered in **ingress-nginx** <script>alert(1)</script>.",
          "",
          "<img src=x onerror=alert(1)>",
          "",
          "<div onclick=\"alert(2)\">raw block HTML</div>",
          "",
          "Click [here](javascript:alert(3)) or [there](JAVASCRIPT:alert(4)) or"
              + " <a href=\"javascript:alert(5)\">raw</a>; see [the fix](https://github.com/kubernetes/ingress-nginx/pull/1)"
              + " and ![a logo](https://example.invalid/logo.png).",
          "",
          "#### Am I vulnerable?",
          "",
          "| Version | Affected |",
          "|:--|:-:|",
          "| v1.11.4 | yes |",
          "| v1.12.1 | no |",
          "",
          "#### Affected Versions",
          "",
          "- ingress-nginx < v1.11.5",
          "- ingress-nginx v1.12.0",
          "",
          "```",
          "kubectl get pods --all-namespaces --selector app.kubernetes.io/name=ingress-nginx",
          "```",
          "");

  private WebFixtures() {}

  static Feed feed() {
    List<Advisory> all = new ArrayList<>(FeedFixtures.advisories());
    all.add(hostileBody());
    return new Feed(FeedInfo.OFFICIAL, all, FeedFixtures.UPDATED);
  }

  /** Unfixed, critical, two ranges: a title and body made of injection attempts. */
  static Advisory hostileBody() {
    return Advisory.basic(
            900505,
            List.of(CveId.of(HOSTILE_ID)),
            "<img src=x onerror=alert(1)> ingress-nginx admission controller <script>alert(2)</script>",
            "https://github.com/kubernetes/kubernetes/issues/900505",
            HOSTILE_BODY,
            Instant.parse("2025-03-24T20:00:00Z"),
            Instant.parse("2025-03-25T08:00:00Z"),
            Status.UNFIXED)
        .withDetails(
            new Cvss(
                "3.1", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", 10.0, Severity.CRITICAL),
            List.of(
                new AffectedRange(
                    "ingress-nginx",
                    "k8s.io/ingress-nginx",
                    List.of(
                        RangeEvent.introduced("0"),
                        RangeEvent.fixed("1.11.5"),
                        RangeEvent.introduced("1.12.0"),
                        RangeEvent.fixed("1.12.1")))),
            DetailSource.ANNOUNCEMENT);
  }
}
