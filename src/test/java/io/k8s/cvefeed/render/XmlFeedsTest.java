package io.k8s.cvefeed.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.WireFeedInput;
import io.k8s.cvefeed.model.Feed;
import io.k8s.cvefeed.model.FeedInfo;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** RSS and Atom are read back by the JDK XML parser and by ROME, as a feed reader would. */
class XmlFeedsTest {
  private static byte[] rss(Feed feed) {
    return new RssRenderer().render(feed).get(0).bytes();
  }

  private static byte[] atom(Feed feed) {
    return new AtomRenderer().render(feed).get(0).bytes();
  }

  private static Document dom(byte[] xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
  }

  private static SyndFeed rome(byte[] xml) throws Exception {
    return new SyndFeedInput()
        .build(new InputStreamReader(new ByteArrayInputStream(xml), StandardCharsets.UTF_8));
  }

  private static Object wire(byte[] xml) throws Exception {
    return new WireFeedInput().build(new InputSource(new ByteArrayInputStream(xml)));
  }

  private static List<String> texts(NodeList nodes) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add(nodes.item(i).getTextContent());
    }
    return out;
  }

  @Test
  void shouldParseRssWithOneItemAndUniqueGuidPerCve() throws Exception {
    Document doc = dom(rss(FeedFixtures.basic()));

    assertThat(doc.getDocumentElement().getTagName()).isEqualTo("rss");
    assertThat(doc.getDocumentElement().getAttribute("version")).isEqualTo("2.0");
    List<String> guids = texts(doc.getElementsByTagName("guid"));
    assertThat(guids)
        .hasSize(6)
        .doesNotHaveDuplicates()
        .allMatch(g -> g.startsWith("https://www.cve.org/cverecord?id=CVE-") && !g.contains(","));
  }

  @Test
  void shouldReadRssBackWithRome() throws Exception {
    Channel channel = (Channel) wire(rss(FeedFixtures.basic()));

    assertThat(channel.getFeedType()).isEqualTo("rss_2.0");
    assertThat(channel.getTitle()).isEqualTo(FeedInfo.OFFICIAL.title());
    assertThat(channel.getLastBuildDate()).isEqualTo(Date.from(FeedFixtures.UPDATED));
    Item hostile = channel.getItems().get(2);
    assertThat(hostile.getTitle())
        .isEqualTo("CVE-2024-0001: " + FeedFixtures.hostileTitle().summary());
    assertThat(hostile.getLink())
        .isEqualTo("https://github.com/kubernetes/kubernetes/issues/900202");
    assertThat(hostile.getGuid().getValue())
        .isEqualTo("https://www.cve.org/cverecord?id=CVE-2024-0001");
    assertThat(hostile.getPubDate()).isEqualTo(Date.from(Instant.parse("2024-05-02T08:00:00Z")));
    assertThat(hostile.getCategories().get(0).getValue()).isEqualTo("open");
    assertThat(hostile.getCategories().get(0).getDomain()).isEqualTo(RssRenderer.STATUS_SCHEME);
  }

  @Test
  void shouldParseAtomWithOneEntryAndUniqueIdPerCve() throws Exception {
    Document doc = dom(atom(FeedFixtures.basic()));

    Element root = doc.getDocumentElement();
    assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
    assertThat(root.getLocalName()).isEqualTo("feed");
    NodeList entries = doc.getElementsByTagNameNS(AtomRenderer.NS, "entry");
    assertThat(entries.getLength()).isEqualTo(6);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < entries.getLength(); i++) {
      ids.add(
          ((Element) entries.item(i))
              .getElementsByTagNameNS(AtomRenderer.NS, "id")
              .item(0)
              .getTextContent());
    }
    assertThat(ids).doesNotHaveDuplicates().allMatch(i -> !i.contains(","));
  }

  @Test
  void shouldReadAtomBackWithRome() throws Exception {
    com.rometools.rome.feed.atom.Feed feed =
        (com.rometools.rome.feed.atom.Feed) wire(atom(FeedFixtures.basic()));

    assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
    assertThat(feed.getUpdated()).isEqualTo(Date.from(FeedFixtures.UPDATED));
    Entry e = feed.getEntries().get(3);
    assertThat(e.getId()).isEqualTo("https://www.cve.org/cverecord?id=CVE-2023-2727");
    assertThat(e.getAlternateLinks().get(0).getHref())
        .isEqualTo("https://github.com/kubernetes/kubernetes/issues/900101");
    assertThat(e.getPublished()).isEqualTo(Date.from(Instant.parse("2023-06-13T14:42:07Z")));
    assertThat(e.getUpdated()).isEqualTo(Date.from(Instant.parse("2023-07-03T09:00:00Z")));
    assertThat(e.getCategories())
        .extracting(c -> c.getTerm() + "@" + c.getScheme())
        .containsExactly(
            "fixed@" + RssRenderer.STATUS_SCHEME, "Medium@" + RssRenderer.SEVERITY_SCHEME);
  }

  @ParameterizedTest
  @ValueSource(strings = {"rss", "atom"})
  void shouldGiveEveryEntryTitleLinkAndDateThroughRome(String type) throws Exception {
    Feed feed = FeedFixtures.basic();
    SyndFeed synd = rome(type.equals("rss") ? rss(feed) : atom(feed));

    assertThat(synd.getEntries()).hasSize(6);
    for (SyndEntry e : synd.getEntries()) {
      assertThat(e.getTitle()).matches("CVE-\\d{4}-\\d+: .+");
      assertThat(e.getLink()).startsWith("https://github.com/kubernetes/kubernetes/issues/");
      assertThat(e.getPublishedDate()).isNotNull();
    }
    assertThat(synd.getEntries().get(1).getTitle()).contains("日本語 🚀 kubelet gitRepo");
  }

  @Test
  void shouldStayWellFormedForControlCharactersAndMarkup() throws Exception {
    Feed feed = FeedFixtures.basic();

    for (byte[] xml : List.of(rss(feed), atom(feed))) {
      Document doc = dom(xml);
      assertThat(doc.getElementsByTagName("script").getLength()).isZero();
      assertThat(Xml.clean("a\u0000b\u0007c\r\nd\uFFFEe")).isEqualTo("a b c  d e");
    }
  }

  @Test
  void shouldRenderEmptyFeedsThatReadersAccept() throws Exception {
    Feed empty = new Feed(FeedInfo.OFFICIAL, List.of(), FeedFixtures.UPDATED);

    assertThat(rome(rss(empty)).getEntries()).isEmpty();
    assertThat(rome(atom(empty)).getEntries()).isEmpty();
  }
}
