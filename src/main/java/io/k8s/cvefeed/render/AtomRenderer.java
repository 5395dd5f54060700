package io.k8s.cvefeed.render;

import io.k8s.cvefeed.model.Advisory;
import io.k8s.cvefeed.model.Cvss;
import io.k8s.cvefeed.model.Feed;
import io.k8s.cvefeed.model.FeedInfo;
import io.k8s.cvefeed.model.FeedItem;
import java.util.List;

/**
 * {@code atom.xml}: Atom 1.0 (RFC 4287), one entry per CVE id. The entry {@code id} is the CVE
 * record URL (unique per CVE id); {@code published} and {@code updated} come from the issue.
 */
public final class AtomRenderer implements Renderer {
  public static final String PATH = "atom.xml";
  static final String NS = "http://www.w3.org/2005/Atom";

  @Override
  public List<Artifact> render(Feed feed) {
    FeedInfo info = feed.info();
    String self = RssRenderer.sibling(info.feedUrl(), PATH);
    Xml x = new Xml();
    x.open("feed").namespace("", NS);
    x.text("id", self != null ? self : info.homePageUrl());
    x.text("title", info.title());
    x.text("subtitle", info.description());
    x.text("updated", Json.timestamp(feed.updatedAt()));
    if (self != null) {
      x.empty("", NS, "link", "rel", "self", "type", MediaTypes.ATOM, "href", self);
    }
    x.empty("", NS, "link", "rel", "alternate", "type", "text/html", "href", info.homePageUrl());
    x.open("author");
    x.text("name", info.authorName());
    x.text("uri", info.authorUrl());
    x.close();
    for (FeedItem item : Items.of(feed)) {
      entry(x, item);
    }
    x.close();
    byte[] bytes = x.finish();
    return List.of(Artifact.owning(PATH, MediaTypes.ATOM, bytes));
  }

  private static void entry(Xml x, FeedItem item) {
    Advisory a = item.advisory();
    x.open("entry");
    x.text("id", Links.cveRecord(item.id()));
    x.text("title", item.id().value() + ": " + a.summary());
    if (Links.isPlainHttpUrl(a.url())) {
      x.empty("", NS, "link", "rel", "alternate", "type", "text/html", "href", a.url());
    }
    x.text("published", Json.timestamp(a.published()));
    x.text("updated", Json.timestamp(OsvRenderer.modified(a)));
    x.text("summary", a.summary());
    String status = a.status().wireName();
    x.empty("", NS, "category", "term", status, "scheme", RssRenderer.STATUS_SCHEME);
    Cvss cvss = a.cvss();
    if (cvss != null) {
      String severity = cvss.severity().displayName();
      x.empty("", NS, "category", "term", severity, "scheme", RssRenderer.SEVERITY_SCHEME);
    }
    x.close();
  }
}
