package io.k8s.cvefeed.render;

import io.k8s.cvefeed.model.Feed;
import io.k8s.cvefeed.model.FeedItem;
import java.util.List;

/**
 * {@code official-cve-feed.md}: a heading, the update time and one table row per CVE id. Issue text
 * is untrusted: every cell is escaped so that it stays one literal cell (no HTML, links, emphasis
 * or extra columns).
 */
public final class MarkdownRenderer implements Renderer {
  public static final String PATH = "official-cve-feed.md";

  /** Characters with inline meaning in CommonMark/GFM, escaped with a backslash. */
  private static final String SPECIAL = "\\`*_[]<>|&~!";

  @Override
  public List<Artifact> render(Feed feed) {
    StringBuilder md = new StringBuilder(4096);
    md.append("# ").append(escape(feed.info().title())).append("\n\n");
    md.append(paragraph(feed.info().description())).append("\n\n");
    md.append("Updated: ").append(Json.timestamp(feed.updatedAt())).append("\n\n");
    formats(md);
    line(md, TableRow.HEADERS.stream().map(MarkdownRenderer::escape).toList());
    line(md, TableRow.HEADERS.stream().map(h -> "---").toList());
    for (FeedItem item : Items.of(feed)) {
      TableRow r = TableRow.of(item);
      String id = escape(r.id());
      line(
          md,
          List.of(
              r.issueUrl() == null ? id : "[" + id + "](" + r.issueUrl() + ")",
              escape(r.summary()),
              escape(r.status()),
              escape(r.severity()),
              escape(String.join(", ", r.components())),
              escape(r.published())));
    }
    return List.of(Artifact.utf8(PATH, MediaTypes.MARKDOWN, md.toString()));
  }

  /** Links to the other formats, relative to this file. */
  private static void formats(StringBuilder md) {
    md.append("Other formats:");
    String separator = " ";
    for (HtmlRenderer.FormatLink f : HtmlRenderer.FORMATS) {
      if (!f.path().equals(PATH)) {
        md.append(separator).append('[').append(escape(f.label())).append("](");
        md.append(f.path()).append(')');
        separator = " · ";
      }
    }
    md.append("\n\n");
  }

  /** One table line from cells that are already escaped. */
  private static void line(StringBuilder md, List<String> cells) {
    md.append('|');
    for (String c : cells) {
      md.append(' ').append(c).append(" |");
    }
    md.append('\n');
  }

  /** {@link #escape} plus the characters that start a block when they open a line. */
  static String paragraph(String text) {
    String s = escape(text);
    return !s.isEmpty() && "#-+=".indexOf(s.charAt(0)) >= 0 ? "\\" + s : s;
  }

  /**
   * Makes untrusted text one literal line of inline Markdown: line breaks and other control
   * characters become spaces, and every character that could start markup is backslash-escaped.
   */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == ' ') {
        space = out.length() > 0;
        continue;
      }
      if (space) {
        out.append(' ');
        space = false;
      }
      if (SPECIAL.indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }
}
