package io.k8s.cvefeed.render;

import io.k8s.cvefeed.model.Advisory;
import io.k8s.cvefeed.model.CveId;
import io.k8s.cvefeed.model.Cvss;
import io.k8s.cvefeed.model.DetailSource;
import io.k8s.cvefeed.model.Feed;
import io.k8s.cvefeed.model.FeedItem;
import java.util.List;

/**
 * {@code cve/<CVE-ID>.html}: one page per CVE id with the summary, status, severity and vector,
 * affected and fixed versions per component, dates, links, and the announcement text rendered from
 * Markdown and sanitised ({@link AnnouncementHtml}). The pages have no script; they depend only on
 * their advisory, never on {@code Feed.updatedAt()}, so an unchanged advisory keeps its bytes.
 */
public final class CvePageRenderer implements Renderer {
  static final String DIR = "cve/";

  /** The page of one CVE id, relative to the feed root. */
  public static String path(CveId id) {
    return DIR + id.value() + ".html";
  }

  @Override
  public List<Artifact> render(Feed feed) {
    // Markdown and sanitising are the costly part of a page: spread over the cores, keep the order.
    return Items.of(feed).parallelStream()
        .map(item -> Artifact.utf8(path(item.id()), MediaTypes.HTML, page(item)))
        .toList();
  }

  static String page(FeedItem item) {
    Advisory a = item.advisory();
    String id = item.id().value();
    StringBuilder h = new StringBuilder(4096 + a.body().length() * 2);
    Html.open(h, id + ": " + a.summary(), "../", false, "");
    h.append("<header class=\"page\">\n<nav aria-label=\"Breadcrumb\"><a href=\"../")
        .append(HtmlRenderer.PATH)
        .append('#')
        .append(id)
        .append("\">All Kubernetes CVEs</a></nav>\n<h1>")
        .append(id)
        .append("</h1>\n<p class=\"summary\">")
        .append(Html.escape(a.summary()))
        .append("</p>\n</header>\n<main>\n");
    facts(h, item);
    versions(h, a);
    links(h, item);
    announcement(h, a);
    h.append("</main>\n</body>\n</html>\n");
    return h.toString();
  }

  private static void facts(StringBuilder h, FeedItem item) {
    Advisory a = item.advisory();
    h.append("<dl class=\"facts\">\n<dt>Status</dt><dd>")
        .append(HtmlRenderer.statusBadge(a.status()))
        .append("</dd>\n<dt>Severity</dt><dd>");
    Cvss cvss = a.cvss();
    if (cvss == null) {
      h.append("Not rated in the announcement");
    } else {
      h.append(Html.escape(TableRow.severity(cvss)));
      h.append("<br /><code class=\"vector\">")
          .append(Html.escape(cvss.vector()))
          .append("</code>");
    }
    h.append("</dd>\n<dt>Published</dt><dd>").append(Html.time(a.published()));
    h.append("</dd>\n<dt>Issue updated</dt><dd>").append(Html.time(a.updated())).append("</dd>\n");
    List<CveId> others = a.ids().stream().filter(i -> !i.equals(item.id())).toList();
    if (!others.isEmpty()) {
      h.append("<dt>Same announcement</dt><dd>");
      String separator = "";
      for (CveId other : others) {
        h.append(separator).append("<a href=\"").append(other.value()).append(".html\">");
        h.append(other.value()).append("</a>");
        separator = ", ";
      }
      h.append("</dd>\n");
    }
    h.append("</dl>\n");
  }

  private static void versions(StringBuilder h, Advisory a) {
    h.append(
        "<section aria-labelledby=\"versions\">\n<h2 id=\"versions\">Affected versions</h2>\n");
    List<AffectedRow> rows = AffectedRow.of(a.affected());
    if (rows.isEmpty()) {
      h.append("<p>")
          .append(
              a.detailSource() == DetailSource.TITLE_ONLY
                  ? "No affected versions could be read from the announcement."
                  : "The announcement names no affected versions.")
          .append("</p>\n</section>\n");
      return;
    }
    h.append("<table class=\"versions\">\n<thead>\n<tr><th scope=\"col\">Component</th>")
        .append("<th scope=\"col\">Affected</th><th scope=\"col\">Fixed in</th></tr>\n")
        .append("</thead>\n<tbody>\n");
    for (AffectedRow r : rows) {
      h.append("<tr><td data-label=\"Component\">").append(Html.escape(r.component()));
      h.append("</td><td data-label=\"Affected\">").append(Html.escape(r.affected()));
      h.append("</td><td data-label=\"Fixed in\">");
      String fixed = r.fixed();
      h.append(fixed == null ? "<span class=\"no-fix\">no fix listed</span>" : Html.escape(fixed));
      h.append("</td></tr>\n");
    }
    h.append("</tbody>\n</table>\n</section>\n");
  }

  private static void links(StringBuilder h, FeedItem item) {
    Advisory a = item.advisory();
    h.append(
            "<section aria-labelledby=\"links\">\n<h2 id=\"links\">Links</h2>\n<ul class=\"links\">\n")
        .append("<li>")
        .append(Html.link(a.url(), "GitHub issue #" + a.issueNumber()))
        .append("</li>\n<li><a href=\"")
        .append(Html.escape(Links.cveRecord(item.id())))
        .append("\">CVE record at cve.org</a></li>\n<li><a href=\"../")
        .append(OsvRenderer.DIRECTORY)
        .append(item.id().value())
        .append(".json\" type=\"application/json\">OSV record (JSON)</a></li>\n<li><a href=\"")
        .append(Html.escape(Links.announcementSearch(item.id())))
        .append("\">kubernetes-announce posts</a></li>\n</ul>\n</section>\n");
  }

  private static void announcement(StringBuilder h, Advisory a) {
    h.append("<section aria-labelledby=\"announcement\">\n")
        .append("<h2 id=\"announcement\">Announcement</h2>\n");
    String body = AnnouncementHtml.of(a.body());
    if (body.isEmpty()) {
      h.append("<p>The issue has no text.</p>\n");
    } else {
      h.append("<div class=\"announcement\">\n").append(body).append("\n</div>\n");
    }
    h.append("</section>\n");
  }
}
