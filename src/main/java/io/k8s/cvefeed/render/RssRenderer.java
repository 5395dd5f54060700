package io.k8s.cvefeed.render;

import io.k8s.cvefeed.model.Advisory;
import io.k8s.cvefeed.model.Cvss;
import io.k8s.cvefeed.model.Feed;
import io.k8s.cvefeed.model.FeedInfo;
import io.k8s.cvefeed.model.FeedItem;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code feed.xml}: RSS 2.0, one item per CVE id. The {@code guid} is the CVE record URL, as in the
 * website's RSS feed, so readers already subscribed there see no duplicates; it is never shared by
 * two CVE ids. Status (and severity, when known) are categories.
 */
public final class RssRenderer implements Renderer {
  public static final String PATH = "feed.xml";
  static final String ATOM_NS = "http://www.w3.org/2005/Atom";

  /** The category domain the website's RSS feed uses for the status. */
  static final String STATUS_SCHEME = "https://k8s.io/2024-06-27/cve-item-status";

  static final String SEVERITY_SCHEME = "https://www.first.org/cvss/";

  @Override
  public List<Artifact> render(Feed feed) {
    FeedInfo info = feed.info();
    Xml x = new Xml();
    x.open("rss", "version", "2.0").namespace("atom", ATOM_NS);
    x.open("channel");
    x.text("title", info.title());
    x.text("link", info.homePageUrl());
    x.text("description", info.description());
    x.text("language", "en-US");
    x.text("lastBuildDate", Xml.rfc822(feed.updatedAt()));
    String self = sibling(info.feedUrl(), PATH);
    if (self != null) {
      x.empty("atom", ATOM_NS, "link", "href", self, "rel", "self", "type", MediaTypes.RSS);
    }
    for (FeedItem item : Items.of(feed)) {
      item(x, item);
    }
    x.close().close();
    byte[] bytes = x.finish();
    return List.of(Artifact.owning(PATH, MediaTypes.RSS, bytes));
  }

  private static void item(Xml x, FeedItem item) {
    Advisory a = item.advisory();
    x.open("item");
    x.text("title", item.id().value() + ": " + a.summary());
    if (Links.isPlainHttpUrl(a.url())) {
      x.text("link", a.url());
    }
    x.text("description", a.summary());
    x.text("pubDate", Xml.rfc822(a.published()));
    x.text("guid", Links.cveRecord(item.id()), "isPermaLink", "true");
    x.text("category", a.status().wireName(), "domain", STATUS_SCHEME);
    Cvss cvss = a.cvss();
    if (cvss != null) {
      x.text("category", cvss.severity().displayName(), "domain", SEVERITY_SCHEME);
    }
    x.close();
  }

  /**
   * The URL of {@code file} next to the JSON feed ({@code .../index.json} gives {@code
   * .../feed.xml}), or null when the feed URL is not an absolute http(s) URL.
   */
  static @Nullable String sibling(String feedUrl, String file) {
    if (!Links.isPlainHttpUrl(feedUrl)) {
      return null;
    }
    try {
      return URI.create(feedUrl).resolve(file).toString();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
