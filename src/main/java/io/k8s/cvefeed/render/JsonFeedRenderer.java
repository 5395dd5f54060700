package io.k8s.cvefeed.render;

import io.k8s.cvefeed.model.Advisory;
import io.k8s.cvefeed.model.Cvss;
import io.k8s.cvefeed.model.Feed;
import io.k8s.cvefeed.model.FeedInfo;
import io.k8s.cvefeed.model.FeedItem;
import io.k8s.cvefeed.model.LabelProvenance;
import io.k8s.cvefeed.model.RangeEvent;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;

/**
 * {@code official-cve-feed.json}: JSON Feed 1.1, field for field the feed published at
 * kubernetes.io. Compact, one line, HTML-significant characters escaped as the official feed does.
 * See {@code docs/format.md} for every field.
 */
public final class JsonFeedRenderer implements Renderer {
  public static final String PATH = "official-cve-feed.json";
  static final String VERSION = "https://jsonfeed.org/version/1.1";

  /** The name of our per-item extension object (JSON Feed extensions start with {@code _}). */
  public static final String EXTENSION = "_cvefeed";

  static final String EXTENSION_ABOUT =
      "https://github.com/kubernetes-sigs/cvefeed/blob/main/docs/format.md#the-_cvefeed-extension";

  @Override
  public List<Artifact> render(Feed feed) {
    return List.of(
        Json.compact(PATH, MediaTypes.JSON_FEED, sizeHint(feed), g -> writeFeed(g, feed)));
  }

  /** About the output size: texts plus escapes, and the fixed fields of each item. */
  static int sizeHint(Feed feed) {
    long size = 2048;
    for (Advisory a : feed.advisories()) {
      long text = a.body().length() + a.summary().length() + 64L * a.affected().size();
      size += a.ids().size() * (text + text / 8 + 1024);
    }
    return (int) Math.min(size, Integer.MAX_VALUE - 16);
  }

  private static void writeFeed(JsonGenerator g, Feed feed) {
    FeedInfo info = feed.info();
    g.writeStartObject();
    g.writeStringProperty("version", VERSION);
    g.writeStringProperty("title", info.title());
    g.writeStringProperty("home_page_url", info.homePageUrl());
    g.writeStringProperty("feed_url", info.feedUrl());
    g.writeStringProperty("description", info.description());
    g.writeArrayPropertyStart("authors");
    g.writeStartObject();
    g.writeStringProperty("name", info.authorName());
    g.writeStringProperty("url", info.authorUrl());
    g.writeEndObject();
    g.writeEndArray();
    g.writeObjectPropertyStart("_kubernetes_io");
    g.writeStringProperty("feed_refresh_job", info.refreshJobUrl());
    g.writeStringProperty("updated_at", Json.timestamp(feed.updatedAt()));
    g.writeEndObject();
    g.writeArrayPropertyStart("items");
    for (FeedItem item : Items.of(feed)) {
      writeItem(g, item);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void writeItem(JsonGenerator g, FeedItem item) {
    Advisory a = item.advisory();
    g.writeStartObject();
    g.writeStringProperty("id", item.id().value());
    g.writeStringProperty("url", a.url());
    g.writeStringProperty("external_url", Links.cveRecord(item.id()));
    g.writeStringProperty("summary", a.summary());
    g.writeStringProperty("content_text", a.body());
    g.writeStringProperty("date_published", Json.timestamp(a.published()));
    g.writeStringProperty("status", a.status().wireName());
    g.writeObjectPropertyStart("_kubernetes_io");
    g.writeStringProperty("google_group_url", Links.announcementSearch(item.id()));
    g.writeNumberProperty("issue_number", a.issueNumber());
    g.writeEndObject();
    extension(g, a);
    g.writeEndObject();
  }

  /**
   * The {@code _cvefeed} extension: facts the official feed does not carry. Its members only appear
   * when known; official fields above are never changed by it.
   */
  private static void extension(JsonGenerator g, Advisory a) {
    g.writeObjectPropertyStart(EXTENSION);
    g.writeStringProperty("about", EXTENSION_ABOUT);
    g.writeStringProperty("detail_source", a.detailSource().wireName());
    Cvss cvss = a.cvss();
    if (cvss != null) {
      g.writeStringProperty("severity", cvss.severity().name());
      g.writeName("cvss_score");
      g.writeNumber(TableRow.score(cvss.score()));
      g.writeStringProperty("cvss_version", cvss.version());
      g.writeStringProperty("cvss_vector", cvss.vector());
    }
    affected(g, OsvRanges.byComponent(a.affected()), OsvRanges.modules(a.affected()));
    ProvenanceJson.write(g, a.provenance());
    LabelProvenance label = a.labelProvenance();
    if (label != null) {
      g.writeObjectPropertyStart("label_provenance");
      g.writeStringProperty("login", label.login());
      g.writeStringProperty("at", Json.timestamp(label.at()));
      g.writeBooleanProperty("trusted", label.trusted());
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private static void affected(
      JsonGenerator g,
      Map<String, List<List<RangeEvent>>> byComponent,
      Map<String, String> modules) {
    if (byComponent.isEmpty()) {
      return;
    }
    g.writeArrayPropertyStart("components");
    byComponent.keySet().forEach(g::writeString);
    g.writeEndArray();
    g.writeArrayPropertyStart("affected");
    for (Map.Entry<String, List<List<RangeEvent>>> e : byComponent.entrySet()) {
      g.writeStartObject();
      g.writeStringProperty("component", e.getKey());
      String module = modules.get(e.getKey());
      if (module != null) {
        g.writeStringProperty("package", module);
      }
      g.writeName("ranges");
      OsvRenderer.ranges(g, e.getValue());
      g.writeEndObject();
    }
    g.writeEndArray();
  }
}
