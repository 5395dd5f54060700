package io.k8s.cvefeed.render;

import io.k8s.cvefeed.model.Advisory;
import io.k8s.cvefeed.model.Feed;
import io.k8s.cvefeed.model.FeedInfo;
import io.k8s.cvefeed.model.FeedItem;
import io.k8s.cvefeed.model.Status;
import java.util.List;

/**
 * {@code index.html}: the feed as a web page. The whole table is in the HTML, so the page reads
 * without script; {@code assets/cvefeed.js} adds search, filters, sorting and the "last checked"
 * time (from {@code status.json}). Each CVE id links to its detail page ({@link CvePageRenderer}).
 * All issue text is escaped, and a Content-Security-Policy allows only the page's own files.
 */
public final class HtmlRenderer implements Renderer {
  public static final String PATH = "index.html";

  /** The file the service rewrites after every successful check ({@link StatusJson}). */
  static final String STATUS_PATH = StatusJson.PATH;

  /**
   * A format linked from the page.
   *
   * @param alternate whether it is another representation of the feed ({@code <link
   *     rel="alternate">})
   */
  record FormatLink(String path, String label, String mediaType, boolean alternate) {}

  /** The other formats, linked from the page and (feeds only) from its head. */
  static final List<FormatLink> FORMATS =
      List.of(
          new FormatLink(JsonFeedRenderer.PATH, "JSON Feed", MediaTypes.JSON_FEED, true),
          new FormatLink(RssRenderer.PATH, "RSS", MediaTypes.RSS, true),
          new FormatLink(AtomRenderer.PATH, "Atom", MediaTypes.ATOM, true),
          new FormatLink(MarkdownRenderer.PATH, "Markdown", "text/markdown", false),
          new FormatLink(OsvRenderer.ZIP_PATH, "OSV records (zip)", MediaTypes.ZIP, false));

  @Override
  public List<Artifact> render(Feed feed) {
    List<FeedItem> items = Items.of(feed);
    StringBuilder h = new StringBuilder(4096 + items.size() * 1024);
    Html.open(h, feed.info().title(), "", true, alternates());
    h.append("<a class=\"skip\" href=\"#cves\">Skip to the table</a>\n");
    header(h, feed, items);
    h.append("<main>\n");
    IndexFilters.form(h, items);
    table(h, items);
    h.append("</main>\n");
    footer(h, feed.info());
    h.append("</body>\n</html>\n");
    return List.of(Artifact.utf8(PATH, MediaTypes.HTML, h.toString()));
  }

  private static String alternates() {
    StringBuilder h = new StringBuilder();
    for (FormatLink f : FORMATS) {
      if (f.alternate()) {
        h.append("<link rel=\"alternate\" type=\"").append(f.mediaType()).append("\" href=\"");
        h.append(f.path()).append("\" />\n");
      }
    }
    return h.toString();
  }

  private static void header(StringBuilder h, Feed feed, List<FeedItem> items) {
    h.append("<header class=\"page\">\n<h1>")
        .append(Html.escape(feed.info().title()))
        .append("</h1>\n<p>")
        .append(Html.escape(feed.info().description()))
        .append("</p>\n");
    h.append("<p class=\"tally\">").append(plural(items.size(), "CVE"));
    for (Status s : List.of(Status.UNFIXED, Status.OPEN)) {
      long n = items.stream().filter(i -> i.advisory().status() == s).count();
      if (n > 0) {
        h.append(" · <span class=\"status status-").append(s.wireName()).append("\">");
        h.append(n).append(' ').append(s.wireName()).append("</span>");
      }
    }
    h.append("</p>\n<p class=\"freshness\">Last changed ")
        .append(Html.time(feed.updatedAt()))
        .append("<span id=\"checked\" data-status-url=\"")
        .append(STATUS_PATH)
        .append("\" hidden=\"hidden\"> · Last checked <time></time></span></p>\n");
    h.append("<nav aria-label=\"Other formats\">\n<ul class=\"formats\">\n");
    for (FormatLink f : FORMATS) {
      h.append("<li><a href=\"").append(f.path()).append("\" type=\"").append(f.mediaType());
      h.append("\">").append(f.label()).append("</a></li>\n");
    }
    h.append("</ul>\n</nav>\n</header>\n");
  }

  private static void table(StringBuilder h, List<FeedItem> items) {
    h.append("<table id=\"cves\" class=\"cves\">\n<caption class=\"visually-hidden\">")
        .append("Kubernetes CVEs, newest first</caption>\n<thead>\n<tr>");
    for (int i = 0; i < TableRow.HEADERS.size(); i++) {
      h.append("<th scope=\"col\" data-sort=\"").append(IndexFilters.SORT_KEYS.get(i));
      h.append("\">").append(Html.escape(TableRow.HEADERS.get(i))).append("</th>");
    }
    h.append("</tr>\n</thead>\n<tbody>\n");
    for (FeedItem item : items) {
      row(h, item);
    }
    h.append("</tbody>\n</table>\n");
    h.append("<p id=\"no-match\" class=\"no-match\" hidden=\"hidden\">")
        .append("No CVE matches the search and filters.</p>\n");
  }

  private static void row(StringBuilder h, FeedItem item) {
    TableRow r = TableRow.of(item);
    Advisory a = item.advisory();
    h.append("<tr id=\"").append(Html.escape(r.id())).append('"');
    if (a.status() == Status.UNFIXED) {
      h.append(" class=\"unfixed\"");
    }
    IndexFilters.dataAttributes(h, item, r);
    h.append(">\n<th scope=\"row\" data-label=\"")
        .append(TableRow.HEADERS.get(0))
        .append("\"><a href=\"")
        .append(CvePageRenderer.path(item.id()))
        .append("\">")
        .append(Html.escape(r.id()))
        .append("</a></th>\n");
    List<String> labels = TableRow.HEADERS;
    cell(h, labels.get(1), Html.escape(r.summary()));
    cell(h, labels.get(2), statusBadge(a.status()));
    cell(h, labels.get(3), Html.escape(r.severity()));
    cell(h, labels.get(4), Html.escape(String.join(", ", r.components())));
    cell(
        h,
        labels.get(5),
        "<time datetime=\"" + r.publishedAt() + "\">" + r.published() + "</time>");
    h.append("</tr>\n");
  }

  private static void cell(StringBuilder h, String label, String html) {
    h.append("<td data-label=\"").append(label).append("\">").append(html).append("</td>\n");
  }

  static String statusBadge(Status status) {
    return "<span class=\"status status-"
        + status.wireName()
        + "\">"
        + status.wireName()
        + "</span>";
  }

  private static void footer(StringBuilder h, FeedInfo info) {
    h.append("<footer class=\"page\">\n<p>Published by ")
        .append(Html.link(info.authorUrl(), info.authorName()))
        .append(" from the Kubernetes security announcements. Official page: ")
        .append(Html.link(info.homePageUrl(), info.homePageUrl()))
        .append("</p>\n</footer>\n");
  }

  private static String plural(int n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
