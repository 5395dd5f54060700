package io.k8s.cvefeed.render;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * What the web pages share: escaping, the document head with its Content-Security-Policy, and
 * times. Pages are polyglot HTML (void elements self-closed, only XML's predefined entities), so
 * tests can read them with the JDK XML parser.
 */
final class Html {
  /**
   * Nothing but the page's own files: no inline script or style, no other origin, no forms, no
   * {@code <base>}. {@code connect-src 'self'} lets the script read {@code status.json}.
   */
  static final String CSP_WITH_SCRIPT =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
          + "connect-src 'self'; base-uri 'none'; form-action 'none'";

  /** Detail pages have no script at all. */
  static final String CSP_NO_SCRIPT =
      "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'";

  private static final DateTimeFormatter READABLE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private Html() {}

  /**
   * Opens the document up to and including {@code <body>}.
   *
   * @param root the way from the page to the feed root: {@code ""} or {@code "../"}
   * @param withScript whether to load {@code assets/cvefeed.js} (deferred)
   * @param extraHead more head elements, already escaped (e.g. {@code <link rel="alternate">})
   */
  static void open(
      StringBuilder h, String title, String root, boolean withScript, String extraHead) {
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"")
        .append(withScript ? CSP_WITH_SCRIPT : CSP_NO_SCRIPT)
        .append("\" />\n<meta name=\"referrer\" content=\"strict-origin-when-cross-origin\" />\n")
        .append("<title>")
        .append(escape(title))
        .append("</title>\n<link rel=\"stylesheet\" href=\"")
        .append(root)
        .append(WebAssetsRenderer.href(WebAssetsRenderer.CSS))
        .append("\" />\n<link rel=\"icon\" type=\"image/svg+xml\" href=\"")
        .append(root)
        .append(WebAssetsRenderer.href(WebAssetsRenderer.ICON))
        .append("\" />\n")
        .append(extraHead);
    if (withScript) {
      h.append("<script src=\"").append(root).append(WebAssetsRenderer.href(WebAssetsRenderer.JS));
      h.append("\" defer=\"defer\"></script>\n");
    }
    h.append("</head>\n<body>\n");
  }

  /** A {@code <time>} element: RFC 3339 in the attribute, {@code 2024-07-01 12:00 UTC} shown. */
  static String time(Instant instant) {
    return "<time datetime=\""
        + Json.timestamp(instant)
        + "\">"
        + READABLE.format(instant)
        + "</time>";
  }

  /** A link to a URL from an issue, or the text alone when the URL is not plain http(s). */
  static String link(String url, String text) {
    if (!Links.isPlainHttpUrl(url)) {
      return escape(text);
    }
    return "<a href=\"" + escape(url) + "\">" + escape(text) + "</a>";
  }

  /**
   * Escapes text for an HTML element or a double- or single-quoted attribute. Line breaks (also
   * U+2028 and U+2029) and other control characters become spaces: HTML shows them as spaces
   * anyway, and some are not allowed.
   */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) || "\u2028\u2029\uFFFE\uFFFF".indexOf(c) >= 0) {
        out.append(' ');
        continue;
      }
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
