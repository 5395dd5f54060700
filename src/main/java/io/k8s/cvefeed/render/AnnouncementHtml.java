package io.k8s.cvefeed.render;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * An issue body (untrusted Markdown) as HTML that is safe to embed in a page. Two independent
 * layers: commonmark escapes raw HTML (a {@code <script>} in the body is shown as text) and blanks
 * unsafe link targets; then the OWASP sanitizer keeps only the elements and attributes Markdown
 * produces for text, lists, code, quotes and tables, and links only to absolute {@code http(s)} or
 * {@code mailto:} targets. Images become links to the image (the page loads nothing from
 * elsewhere), and headings are moved down so that the body's top level is {@code <h3>}.
 */
final class AnnouncementHtml {
  /** The level the body's highest heading gets: the page has h1 (the CVE) and h2 (sections). */
  static final int TOP_HEADING = 3;

  private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
  private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
  private static final org.commonmark.renderer.html.HtmlRenderer MARKDOWN_HTML =
      org.commonmark.renderer.html.HtmlRenderer.builder()
          .extensions(EXTENSIONS)
          .escapeHtml(true)
          .sanitizeUrls(true)
          .build();

  private static final Pattern LINK_TARGET = Pattern.compile("(?i)(?:https?://|mailto:)\\S+");

  static final PolicyFactory POLICY =
      new HtmlPolicyBuilder()
          .allowElements("p", "br", "hr", "strong", "em", "del", "code", "pre", "blockquote")
          .allowElements("h3", "h4", "h5", "h6", "ul", "ol", "li")
          .allowElements("table", "thead", "tbody", "tr", "th", "td", "a")
          .allowUrlProtocols("https", "http", "mailto")
          .allowAttributes("href")
          .matching(LINK_TARGET)
          .onElements("a")
          .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
          .allowAttributes("align")
          .matching(true, "left", "center", "right")
          .onElements("th", "td")
          .allowAttributes("start")
          .matching(Pattern.compile("[0-9]{1,9}"))
          .onElements("ol")
          .toFactory();

  private AnnouncementHtml() {}

  /** The body as sanitised HTML, {@code ""} when it has no text. Same input, same output. */
  static String of(String markdown) {
    if (markdown.isBlank()) {
      return "";
    }
    Node document = PARSER.parse(markdown);
    imagesToLinks(document);
    moveHeadings(document);
    return POLICY.sanitize(MARKDOWN_HTML.render(document)).strip();
  }

  /**
   * {@code ![alt](url)} becomes {@code [alt](url)} (inside a link: just the alt text), so no
   * request leaves the page; a link without text gets its target as text, so every link has a name.
   */
  private static void imagesToLinks(Node document) {
    List<Image> images = new ArrayList<>();
    List<Link> links = new ArrayList<>();
    document.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Image image) {
            images.add(image);
          }

          @Override
          public void visit(Link link) {
            links.add(link);
            visitChildren(link);
          }
        });
    for (Image image : images) {
      Node target = image;
      if (!insideLink(image)) {
        Link link = new Link(image.getDestination(), null);
        image.insertBefore(link);
        links.add(link);
        target = link;
      }
      Node child = image.getFirstChild();
      while (child != null) {
        Node next = child.getNext();
        if (target == image) {
          image.insertBefore(child);
        } else {
          target.appendChild(child);
        }
        child = next;
      }
      image.unlink();
    }
    for (Link link : links) {
      if (link.getFirstChild() == null) {
        link.appendChild(new Text(link.getDestination()));
      }
    }
  }

  private static boolean insideLink(Node node) {
    for (Node n = node.getParent(); n != null; n = n.getParent()) {
      if (n instanceof Link) {
        return true;
      }
    }
    return false;
  }

  /** Shifts every heading so that the highest one becomes {@link #TOP_HEADING} (at most h6). */
  private static void moveHeadings(Node document) {
    List<Heading> headings = new ArrayList<>();
    document.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Heading heading) {
            headings.add(heading);
          }
        });
    int top = headings.stream().mapToInt(Heading::getLevel).min().orElse(TOP_HEADING);
    for (Heading h : headings) {
      h.setLevel(Math.min(6, h.getLevel() - top + TOP_HEADING));
    }
  }
}
