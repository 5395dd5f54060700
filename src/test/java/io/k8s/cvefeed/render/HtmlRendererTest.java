package io.k8s.cvefeed.render;

import static io.k8s.cvefeed.render.PolyglotHtml.elements;
import static org.assertj.core.api.Assertions.assertThat;

import io.k8s.cvefeed.model.Advisory;
import io.k8s.cvefeed.model.CveId;
import io.k8s.cvefeed.model.Feed;
import io.k8s.cvefeed.model.FeedInfo;
import io.k8s.cvefeed.model.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** {@code index.html}, read back with the JDK XML parser (the page is polyglot HTML). */
class HtmlRendererTest {
  private static Document parse(Feed feed) throws Exception {
    List<Artifact> artifacts = new HtmlRenderer().render(feed);
    assertThat(artifacts).singleElement().extracting(Artifact::path).isEqualTo("index.html");
    return PolyglotHtml.parse(artifacts.get(0).bytes());
  }

  private static List<Element> rows(Document doc) {
    return elements(elements(doc, "tbody").get(0), "tr");
  }

  /** The row header (CVE id) and the cells, as text. */
  private static List<String> cells(Element row) {
    List<String> out = new ArrayList<>();
    out.add(elements(row, "th").get(0).getTextContent());
    elements(row, "td").forEach(td -> out.add(td.getTextContent()));
    return out;
  }

  private static Feed oneTitle(String summary, String url) {
    Advisory a =
        Advisory.basic(
            1,
            List.of(CveId.of("CVE-2024-1234")),
            summary,
            url,
            "",
            Instant.parse("2024-01-02T03:04:05Z"),
            Instant.parse("2024-01-02T03:04:05Z"),
            Status.FIXED);
    return new Feed(FeedInfo.OFFICIAL, List.of(a), FeedFixtures.UPDATED);
  }

  @Test
  void shouldRenderOneRowPerCveWithIssueTextAsPlainText() throws Exception {
    List<Element> rows = rows(parse(FeedFixtures.basic()));

    assertThat(rows).hasSize(6);
    assertThat(cells(rows.get(2)))
        .containsExactly(
            "CVE-2024-0001", FeedFixtures.hostileTitle().summary(), "open", "", "", "2024-05-02");
    assertThat(cells(rows.get(1)).get(3)).isEqualTo("High (8.7)");
    assertThat(cells(rows.get(1)).get(4)).isEqualTo("kubelet");
  }

  @Test
  void shouldLinkEachIdToItsDetailPage() throws Exception {
    List<Element> rows = rows(parse(FeedFixtures.basic()));

    assertThat(rows)
        .extracting(r -> elements(r, "a").get(0).getAttribute("href"))
        .containsExactly(
            "cve/CVE-2024-9999.html",
            "cve/CVE-2024-10220.html",
            "cve/CVE-2024-0001.html",
            "cve/CVE-2023-2727.html",
            "cve/CVE-2023-2728.html",
            "cve/CVE-2017-1002101.html");
  }

  @Test
  void shouldCarryTheValuesTheScriptFiltersOn() throws Exception {
    Element v4 = rows(parse(FeedFixtures.basic())).get(1);

    assertThat(v4.getAttribute("id")).isEqualTo("CVE-2024-10220");
    assertThat(v4.getAttribute("class")).isEqualTo("unfixed");
    assertThat(v4.getAttribute("data-status")).isEqualTo("unfixed");
    assertThat(v4.getAttribute("data-severity")).isEqualTo("high");
    assertThat(v4.getAttribute("data-score")).isEqualTo("8.7");
    assertThat(v4.getAttribute("data-components")).isEqualTo("kubelet");
    assertThat(v4.getAttribute("data-year")).isEqualTo("2024");
    assertThat(v4.getAttribute("data-published")).isEqualTo("2024-11-20T17:00:00Z");
  }

  @Test
  void shouldOfferOnlyFilterValuesTheFeedHasWithCounts() throws Exception {
    Document doc = parse(FeedFixtures.basic());

    assertThat(options(doc, "f-status"))
        .containsExactly("All", "unfixed (1)", "open (1)", "fixed (3)", "unknown (1)");
    assertThat(options(doc, "f-severity"))
        .containsExactly("All", "High (1)", "Medium (2)", "Not rated (3)");
    assertThat(options(doc, "f-component"))
        .containsExactly("All", "kube-apiserver (2)", "kube-apiserver-alias (2)", "kubelet (1)");
    assertThat(options(doc, "f-year")).containsExactly("All", "2024 (3)", "2023 (2)", "2018 (1)");
  }

  private static List<String> options(Document doc, String selectId) {
    Element select =
        elements(doc, "select").stream()
            .filter(s -> s.getAttribute("id").equals(selectId))
            .findFirst()
            .orElseThrow();
    return elements(select, "option").stream().map(Element::getTextContent).toList();
  }

  @Test
  void shouldLabelEveryControl() throws Exception {
    Document doc = parse(FeedFixtures.basic());
    List<String> labelled =
        elements(doc, "label").stream().map(l -> l.getAttribute("for")).toList();

    List<String> controls = new ArrayList<>();
    elements(doc, "input").forEach(i -> controls.add(i.getAttribute("id")));
    elements(doc, "select").forEach(s -> controls.add(s.getAttribute("id")));
    assertThat(controls).hasSize(6);
    assertThat(labelled).containsAll(controls);
  }

  @Test
  void shouldHideTheFormUntilTheScriptRuns() throws Exception {
    Document doc = parse(FeedFixtures.basic());

    Element form = elements(doc, "form").get(0);
    assertThat(form.getAttribute("hidden")).isEqualTo("hidden");
    assertThat(elements(doc, "script"))
        .singleElement()
        .satisfies(s -> assertThat(s.getAttribute("src")).startsWith("assets/cvefeed.js?v="))
        .satisfies(s -> assertThat(s.getTextContent()).isEmpty());
  }

  @Test
  void shouldLoadOnlyOwnFilesUnderStrictPolicy() throws Exception {
    Document doc = parse(FeedFixtures.basic());

    assertThat(PolyglotHtml.csp(doc))
        .isEqualTo(
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
                + "connect-src 'self'; base-uri 'none'; form-action 'none'");
    assertThat(elements(doc, "style")).isEmpty();
    assertThat(PolyglotHtml.attributes(doc, "style")).isEmpty();
    assertThat(elements(doc, "link"))
        .extracting(l -> l.getAttribute("href"))
        .allMatch(h -> !h.contains(":"))
        .contains(WebAssetsRenderer.href(WebAssetsRenderer.CSS));
  }

  @Test
  void shouldShowTitleTimesCountsAndFormatLinks() throws Exception {
    Document doc = parse(FeedFixtures.basic());

    assertThat(elements(doc, "h1").get(0).getTextContent()).isEqualTo(FeedInfo.OFFICIAL.title());
    Element freshness =
        elements(doc, "p").stream()
            .filter(p -> p.getAttribute("class").equals("freshness"))
            .findFirst()
            .orElseThrow();
    assertThat(elements(freshness, "time").get(0).getAttribute("datetime"))
        .isEqualTo("2024-07-01T12:00:00Z");
    assertThat(freshness.getTextContent()).startsWith("Last changed 2024-07-01 12:00 UTC");
    assertThat(elements(doc, "header").get(0).getTextContent())
        .contains("6 CVEs · 1 unfixed · 1 open");
    assertThat(elements(elements(doc, "nav").get(0), "a"))
        .extracting(a -> a.getAttribute("href"))
        .containsExactly(
            "official-cve-feed.json",
            "feed.xml",
            "atom.xml",
            "official-cve-feed.md",
            "osv/all.zip");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "</td></tr></table><script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "' onmouseover='alert(1)",
        "&amp; &lt;already escaped&gt;",
        "]]><!-- comment -->"
      })
  void shouldKeepAnyTitleInertText(String summary) throws Exception {
    Document doc = parse(oneTitle(summary, "https://github.com/kubernetes/kubernetes/issues/1"));

    assertThat(cells(rows(doc).get(0)).get(1)).isEqualTo(summary);
    assertThat(elements(doc, "script")).hasSize(1);
    assertThat(elements(doc, "img")).isEmpty();
    assertThat(PolyglotHtml.attributes(doc, "onerror")).isEmpty();
    assertThat(PolyglotHtml.attributes(doc, "onmouseover")).isEmpty();
  }

  @Test
  void shouldRenderEmptyFeedWithNoRowsAndAllZeroCounts() throws Exception {
    Document doc = parse(FeedFixtures.named("empty"));

    assertThat(rows(doc)).isEmpty();
    assertThat(elements(doc, "header").get(0).getTextContent()).contains("0 CVEs");
    assertThat(options(doc, "f-status")).containsExactly("All");
  }
}
