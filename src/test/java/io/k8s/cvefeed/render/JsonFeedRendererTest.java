package io.k8s.cvefeed.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8s.cvefeed.model.Feed;
import io.k8s.cvefeed.model.FeedInfo;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class JsonFeedRendererTest {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private static Artifact render(Feed feed) {
    return new JsonFeedRenderer().render(feed).get(0);
  }

  private static JsonNode tree(Feed feed) {
    return MAPPER.readTree(render(feed).bytes());
  }

  private static JsonNode item(JsonNode feed, String id) {
    for (JsonNode item : feed.get("items")) {
      if (item.get("id").stringValue().equals(id)) {
        return item;
      }
    }
    throw new AssertionError("no item " + id);
  }

  @Test
  void shouldWriteOfficialPathAndMediaType() {
    Artifact a = render(FeedFixtures.basic());

    assertThat(a.path()).isEqualTo("official-cve-feed.json");
    assertThat(a.mediaType()).isEqualTo(MediaTypes.JSON_FEED);
  }

  @Test
  void shouldWriteEnvelopeFieldsInJsonFeedOrderWithOfficialValues() {
    JsonNode feed = tree(FeedFixtures.basic());

    assertThat(feed.propertyNames())
        .containsExactly(
            "version",
            "title",
            "home_page_url",
            "feed_url",
            "description",
            "authors",
            "_kubernetes_io",
            "items");
    assertThat(feed.get("version").stringValue()).isEqualTo("https://jsonfeed.org/version/1.1");
    // The official values, as the official feed and its refresh job write them.
    assertThat(feed.get("title").stringValue())
        .isEqualTo("Kubernetes Vulnerability Announcements - CVE Feed");
    assertThat(feed.get("home_page_url").stringValue()).isEqualTo("https://kubernetes.io");
    assertThat(feed.get("feed_url").stringValue())
        .isEqualTo(
            "https://kubernetes.io/docs/reference/issues-security/official-cve-feed/index.json");
    assertThat(feed.get("description").stringValue())
        .isEqualTo("Auto-refreshing official CVE feed for Kubernetes repository");
    assertThat(feed.get("_kubernetes_io").get("feed_refresh_job").stringValue())
        .isEqualTo(
            "https://testgrid.k8s.io/sig-security-cve-feed#auto-refreshing-official-cve-feed");
    assertThat(feed.get("authors").get(0).get("name").stringValue())
        .isEqualTo("Kubernetes Community");
    assertThat(feed.get("authors").get(0).get("url").stringValue())
        .isEqualTo("https://www.kubernetes.dev");
    assertThat(feed.get("_kubernetes_io").propertyNames())
        .containsExactly("feed_refresh_job", "updated_at");
    assertThat(feed.get("_kubernetes_io").get("updated_at").stringValue())
        .isEqualTo("2024-07-01T12:00:00Z");
  }

  @Test
  void shouldWriteOneItemPerCveIdNewestIssueFirst() {
    JsonNode feed = tree(FeedFixtures.basic());

    List<String> ids = new ArrayList<>();
    feed.get("items").forEach(i -> ids.add(i.get("id").stringValue()));
    assertThat(ids)
        .containsExactly(
            "CVE-2024-9999",
            "CVE-2024-10220",
            "CVE-2024-0001",
            "CVE-2023-2727",
            "CVE-2023-2728",
            "CVE-2017-1002101");
  }

  @Test
  void shouldWriteItemFieldsFromTheIssue() {
    JsonNode item = item(tree(FeedFixtures.basic()), "CVE-2023-2728");

    assertThat(item.propertyNames())
        .startsWith(
            "id",
            "url",
            "external_url",
            "summary",
            "content_text",
            "date_published",
            "status",
            "_kubernetes_io");
    assertThat(item.get("url").stringValue())
        .isEqualTo("https://github.com/kubernetes/kubernetes/issues/900101");
    assertThat(item.get("external_url").stringValue())
        .isEqualTo("https://www.cve.org/cverecord?id=CVE-2023-2728");
    assertThat(item.get("date_published").stringValue()).isEqualTo("2023-06-13T14:42:07Z");
    assertThat(item.get("status").stringValue()).isEqualTo("fixed");
    JsonNode k8s = item.get("_kubernetes_io");
    assertThat(k8s.get("google_group_url").stringValue())
        .isEqualTo("https://groups.google.com/g/kubernetes-announce/search?q=CVE-2023-2728");
    assertThat(k8s.get("issue_number").isIntegralNumber()).isTrue();
    assertThat(k8s.get("issue_number").longValue()).isEqualTo(900101L);
  }

  @Test
  void shouldKeepBodyExactlyIncludingCrlfAndEmpty() {
    JsonNode feed = tree(FeedFixtures.basic());

    assertThat(item(feed, "CVE-2023-2727").get("content_text").stringValue())
        .isEqualTo(FeedFixtures.twoIds().body());
    assertThat(item(feed, "CVE-2024-0001").get("content_text").stringValue()).isEmpty();
    assertThat(item(feed, "CVE-2017-1002101").get("content_text").stringValue()).isEqualTo("\r\n");
    assertThat(item(feed, "CVE-2024-0001").get("summary").stringValue())
        .isEqualTo(FeedFixtures.hostileTitle().summary());
  }

  @Test
  void shouldEscapeHtmlSignificantCharactersAndNotSlashes() {
    String json = new String(render(FeedFixtures.basic()).bytes(), StandardCharsets.UTF_8);

    assertThat(json).doesNotContain("<", ">", "&", "\u2028", "\\/");
    assertThat(json).contains("\\u003cscript\\u003e", "\\u0026", "\\u2028", "日本語 🚀");
    assertThat(json).contains("\"url\":\"https://github.com/kubernetes/kubernetes/issues/900101\"");
  }

  @Test
  void shouldBeOneLineEndingInNewline() {
    String json = new String(render(FeedFixtures.basic()).bytes(), StandardCharsets.UTF_8);

    assertThat(json).endsWith("}\n");
    assertThat(json.indexOf('\n')).isEqualTo(json.length() - 1);
  }

  @Test
  void shouldWriteEmptyItemsArrayForEmptyFeed() {
    JsonNode feed = tree(new Feed(FeedInfo.OFFICIAL, List.of(), FeedFixtures.UPDATED));

    assertThat(feed.get("items").isArray()).isTrue();
    assertThat(feed.get("items").size()).isZero();
  }

  @Test
  void shouldTakeEnvelopeTextsFromFeedInfo() {
    FeedInfo custom =
        new FeedInfo("T", "https://h/", "https://h/f.json", "D", "A", "https://a", "https://j");

    JsonNode feed = tree(new Feed(custom, List.of(), FeedFixtures.UPDATED));

    assertThat(feed.get("title").stringValue()).isEqualTo("T");
    assertThat(feed.get("home_page_url").stringValue()).isEqualTo("https://h/");
    assertThat(feed.get("feed_url").stringValue()).isEqualTo("https://h/f.json");
    assertThat(feed.get("description").stringValue()).isEqualTo("D");
    assertThat(feed.get("_kubernetes_io").get("feed_refresh_job").stringValue())
        .isEqualTo("https://j");
  }

  @Test
  void shouldKeepOfficialItemFieldsFirstAndAddExtensionLast() {
    JsonNode item = item(tree(FeedFixtures.basic()), "CVE-2024-10220");

    assertThat(item.propertyNames())
        .containsExactly(
            "id",
            "url",
            "external_url",
            "summary",
            "content_text",
            "date_published",
            "status",
            "_kubernetes_io",
            "_cvefeed");
    assertThat(item.get("_kubernetes_io").propertyNames())
        .containsExactly("google_group_url", "issue_number");
  }

  @Test
  void shouldCarrySeverityVectorRangesAndProvenanceInExtension() {
    JsonNode ext = item(tree(FeedFixtures.basic()), "CVE-2024-10220").get("_cvefeed");

    assertThat(ext.get("about").stringValue()).startsWith("https://");
    assertThat(ext.get("detail_source").stringValue()).isEqualTo("osv-block");
    assertThat(ext.get("severity").stringValue()).isEqualTo("HIGH");
    assertThat(ext.get("cvss_score").doubleValue()).isEqualTo(8.7);
    assertThat(ext.get("cvss_version").stringValue()).isEqualTo("4.0");
    assertThat(ext.get("cvss_vector").stringValue()).startsWith("CVSS:4.0/AV:N/");
    assertThat(ext.get("components").get(0).stringValue()).isEqualTo("kubelet");
    JsonNode events = ext.get("affected").get(0).get("ranges").get(0).get("events");
    assertThat(events.get(1).get("last_affected").stringValue()).isEqualTo("1.28.11");
    assertThat(ext.get("label_provenance").get("login").stringValue())
        .isEqualTo("sig-security-bot");
    assertThat(ext.get("label_provenance").get("trusted").booleanValue()).isTrue();
  }

  @Test
  void shouldOmitUnknownFactsFromExtension() {
    JsonNode ext = item(tree(FeedFixtures.basic()), "CVE-2024-0001").get("_cvefeed");

    assertThat(ext.propertyNames()).containsExactly("about", "detail_source");
    assertThat(ext.get("detail_source").stringValue()).isEqualTo("title-only");
  }
}
