package io.k8s.cvefeed.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.k8s.cvefeed.model.Advisory;
import io.k8s.cvefeed.model.CveId;
import io.k8s.cvefeed.model.Feed;
import io.k8s.cvefeed.model.FeedInfo;
import io.k8s.cvefeed.model.Status;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every renderer over the 64 real announcement issues in {@code shared/data/k8s-issues}: real
 * bodies (CRLF, backslash escapes, non-ASCII) through every format. Ids come from the corpus's own
 * {@code _corpus.cve_ids}, the summary is the title after its first {@code ": "}; extraction is
 * tested elsewhere. Skipped when the data folder is absent.
 */
class RealDataRenderTest {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final Path ISSUES =
      Path.of(System.getProperty("shared.data", "../shared/data"), "k8s-issues", "issues.json");

  private static Feed feed;
  private static Map<String, Artifact> artifacts;

  @BeforeAll
  static void renderRealIssues() throws Exception {
    feed = realFeed();
    artifacts = new HashMap<>();
    Renderers.renderAll(feed).forEach(a -> artifacts.put(a.path(), a));
  }

  /** The real issues as a feed; skips the calling test class when the data is absent. */
  static Feed realFeed() throws Exception {
    assumeTrue(Files.isRegularFile(ISSUES), ISSUES + " absent");
    List<Advisory> advisories = new ArrayList<>();
    for (JsonNode issue : MAPPER.readTree(Files.readAllBytes(ISSUES))) {
      advisories.add(advisory(issue));
    }
    return new Feed(FeedInfo.OFFICIAL, advisories, Instant.parse("2025-04-05T00:00:00Z"));
  }

  private static Advisory advisory(JsonNode issue) {
    List<CveId> ids = new ArrayList<>();
    issue.get("_corpus").get("cve_ids").forEach(id -> ids.add(CveId.of(id.stringValue())));
    String title = issue.get("title").stringValue();
    int colon = title.indexOf(": ");
    JsonNode body = issue.get("body");
    return Advisory.basic(
        issue.get("number").longValue(),
        ids,
        colon < 0 ? title : title.substring(colon + 2),
        issue.get("html_url").stringValue(),
        body == null || body.isNull() ? "" : body.stringValue(),
        Instant.parse(issue.get("created_at").stringValue()),
        Instant.parse(issue.get("updated_at").stringValue()),
        issue.get("state").stringValue().equals("open") ? Status.OPEN : Status.FIXED);
  }

  @Test
  void shouldWriteSchemaValidOsvRecordForEveryCveId() {
    List<String> invalid = new ArrayList<>();
    for (var item : feed.items()) {
      Artifact a = artifacts.get(OsvRenderer.path(item.id()));
      List<String> errors = OsvSchema.errors(a.bytes());
      if (!errors.isEmpty()) {
        invalid.add(a.path() + " " + errors);
      }
    }

    assertThat(invalid).isEmpty();
    assertThat(feed.items()).hasSizeGreaterThanOrEqualTo(64);
  }

  @Test
  void shouldKeepEveryBodyExactlyInJsonFeed() {
    JsonNode json = MAPPER.readTree(artifacts.get(JsonFeedRenderer.PATH).bytes());

    assertThat(json.get("items").size()).isEqualTo(feed.items().size());
    for (int i = 0; i < feed.items().size(); i++) {
      assertThat(json.get("items").get(i).get("content_text").stringValue())
          .isEqualTo(feed.items().get(i).advisory().body());
    }
  }

  @Test
  void shouldGiveReadersOneEntryPerCveId() throws Exception {
    for (String path : List.of(RssRenderer.PATH, AtomRenderer.PATH)) {
      SyndFeed synd =
          new SyndFeedInput()
              .build(
                  new InputStreamReader(
                      new ByteArrayInputStream(artifacts.get(path).bytes()),
                      StandardCharsets.UTF_8));

      assertThat(synd.getEntries()).as(path).hasSize(feed.items().size());
      assertThat(synd.getEntries()).extracting(e -> e.getUri()).doesNotHaveDuplicates();
    }
  }

  @Test
  void shouldWriteWellFormedHtml() throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);

    var doc =
        f.newDocumentBuilder()
            .parse(new ByteArrayInputStream(artifacts.get(HtmlRenderer.PATH).bytes()));

    assertThat(doc.getElementsByTagName("tr").getLength()).isEqualTo(feed.items().size() + 1);
    assertThat(doc.getElementsByTagName("script").getLength()).isEqualTo(1);
  }

  @Test
  void shouldWriteWellFormedInertDetailPageForEveryCveId() throws Exception {
    for (var item : feed.items()) {
      String path = CvePageRenderer.path(item.id());
      var doc = PolyglotHtml.parse(artifacts.get(path).bytes());

      for (String tag : List.of("script", "img", "iframe", "style", "object", "form")) {
        assertThat(PolyglotHtml.elements(doc, tag)).as(path + " " + tag).isEmpty();
      }
      assertThat(PolyglotHtml.attributes(doc, "href"))
          .as(path)
          .allMatch(h -> h.matches("(https?://|mailto:|\\.\\./|CVE-).*"), "a safe link");
      assertThat(PolyglotHtml.attributes(doc, "src")).as(path).isEmpty();
    }
  }
}
