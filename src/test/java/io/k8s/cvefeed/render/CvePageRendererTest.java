package io.k8s.cvefeed.render;

import static io.k8s.cvefeed.render.PolyglotHtml.elements;
import static org.assertj.core.api.Assertions.assertThat;

import io.k8s.cvefeed.model.Advisory;
import io.k8s.cvefeed.model.Feed;
import io.k8s.cvefeed.model.FeedInfo;
import io.k8s.cvefeed.model.FeedItem;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** {@code cve/<ID>.html}, read back with the JDK XML parser. */
class CvePageRendererTest {
  private static Document page(Feed feed, String id) throws Exception {
    Artifact page =
        new CvePageRenderer()
            .render(feed).stream()
                .filter(a -> a.path().equals("cve/" + id + ".html"))
                .findFirst()
                .orElseThrow();
    assertThat(page.mediaType()).isEqualTo(MediaTypes.HTML);
    return PolyglotHtml.parse(page.bytes());
  }

  private static List<String> texts(Element root, String tag) {
    return elements(root, tag).stream().map(Element::getTextContent).toList();
  }

  @Test
  void shouldRenderOnePagePerCveId() {
    assertThat(new CvePageRenderer().render(FeedFixtures.basic()))
        .extracting(Artifact::path)
        .containsExactly(
            "cve/CVE-2024-9999.html",
            "cve/CVE-2024-10220.html",
            "cve/CVE-2024-0001.html",
            "cve/CVE-2023-2727.html",
            "cve/CVE-2023-2728.html",
            "cve/CVE-2017-1002101.html");
  }

  @Test
  void shouldShowFactsVersionsAndLinks() throws Exception {
    Document doc = page(FeedFixtures.basic(), "CVE-2023-2728");

    assertThat(texts(doc.getDocumentElement(), "h1")).containsExactly("CVE-2023-2728");
    Element facts = elements(doc, "dl").get(0);
    assertThat(texts(facts, "dt"))
        .containsExactly("Status", "Severity", "Published", "Issue updated", "Same announcement");
    assertThat(texts(facts, "dd"))
        .containsExactly(
            "fixed",
            "Medium (6.5)CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:N",
            "2023-06-13 14:42 UTC",
            "2023-07-03 09:00 UTC",
            "CVE-2023-2727");
    assertThat(elements(facts, "a").get(0).getAttribute("href")).isEqualTo("CVE-2023-2727.html");
    Element versions = elements(doc, "table").get(0);
    assertThat(texts(versions, "td"))
        .containsExactly(
            "kube-apiserver",
            ">= 1.27.0, < 1.27.3",
            "1.27.3",
            "kube-apiserver",
            "< 1.26.6",
            "1.26.6",
            "kube-apiserver-alias",
            ">= 1.25.0, < 1.25.11",
            "1.25.11");
    assertThat(PolyglotHtml.attributes(doc, "href"))
        .contains(
            "../index.html#CVE-2023-2728",
            "https://github.com/kubernetes/kubernetes/issues/900101",
            "https://www.cve.org/cverecord?id=CVE-2023-2728",
            "../osv/CVE-2023-2728.json",
            "https://groups.google.com/g/kubernetes-announce/search?q=CVE-2023-2728");
  }

  @Test
  void shouldSayWhenNoVersionsOrTextAreKnown() throws Exception {
    Document doc = page(FeedFixtures.basic(), "CVE-2024-0001");

    assertThat(elements(doc, "table")).isEmpty();
    assertThat(doc.getDocumentElement().getTextContent())
        .contains("Not rated in the announcement")
        .contains("No affected versions could be read from the announcement.")
        .contains("The issue has no text.");
  }

  @Test
  void shouldRenderHostileAnnouncementInert() throws Exception {
    Document doc = page(WebFixtures.feed(), WebFixtures.HOSTILE_ID);

    assertThat(elements(doc, "script")).isEmpty();
    assertThat(elements(doc, "img")).isEmpty();
    assertThat(PolyglotHtml.attributes(doc, "onerror")).isEmpty();
    assertThat(PolyglotHtml.attributes(doc, "onclick")).isEmpty();
    assertThat(PolyglotHtml.attributes(doc, "href"))
        .noneMatch(h -> h.toLowerCase(Locale.ROOT).contains("javascript"));
    assertThat(PolyglotHtml.attributes(doc, "src")).isEmpty();
    assertThat(texts(doc.getDocumentElement(), "title").get(0))
        .isEqualTo(WebFixtures.HOSTILE_ID + ": " + WebFixtures.hostileBody().summary());
  }

  @Test
  void shouldHaveNoScriptUnderStrictPolicy() throws Exception {
    Document doc = page(FeedFixtures.basic(), "CVE-2024-10220");

    assertThat(PolyglotHtml.csp(doc))
        .isEqualTo(
            "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; "
                + "form-action 'none'");
    assertThat(PolyglotHtml.attributes(doc, "style")).isEmpty();
    assertThat(elements(doc, "link"))
        .extracting(l -> l.getAttribute("href"))
        .allMatch(h -> h.startsWith("../assets/"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"javascript:alert(1)", "https://x.example/\"onclick=\"a"})
  void shouldNotLinkIssueUrlsThatAreNotPlainHttp(String url) throws Exception {
    Advisory a = FeedFixtures.sameDayAsV4();
    Advisory odd =
        Advisory.basic(
            a.issueNumber(),
            a.ids(),
            a.summary(),
            url,
            a.body(),
            a.published(),
            a.updated(),
            a.status());
    Document doc =
        page(new Feed(FeedInfo.OFFICIAL, List.of(odd), FeedFixtures.UPDATED), "CVE-2024-9999");

    assertThat(PolyglotHtml.attributes(doc, "href")).doesNotContain(url);
    assertThat(doc.getDocumentElement().getTextContent()).contains("GitHub issue #900305");
  }

  @Test
  void shouldNotDependOnTheFeedUpdateTime() {
    Feed feed = WebFixtures.feed();

    assertThat(
            new CvePageRenderer().render(feed.withUpdatedAt(FeedFixtures.UPDATED.plusSeconds(60))))
        .isEqualTo(new CvePageRenderer().render(feed));
  }

  @Test
  void shouldWriteWellFormedPagesForEveryFixture() throws Exception {
    for (FeedItem item : WebFixtures.feed().items()) {
      Document doc = PolyglotHtml.parse(CvePageRenderer.page(item).getBytes("UTF-8"));

      assertThat(texts(doc.getDocumentElement(), "h1")).containsExactly(item.id().value());
    }
  }
}
