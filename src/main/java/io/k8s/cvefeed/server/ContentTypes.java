package io.k8s.cvefeed.server;

import java.util.Locale;

/** Content types of served files, by name. */
final class ContentTypes {
  static final String JSON_FEED = "application/feed+json";
  private static final String UTF8 = "; charset=utf-8";

  private ContentTypes() {}

  /** The {@code Content-Type} for a file at {@code path} (relative, {@code /} separators). */
  static String of(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    if (name.equals("official-cve-feed.json") || name.equals("feed.json")) {
      return JSON_FEED;
    }
    if (name.equals("atom.xml") || name.endsWith(".atom")) {
      return "application/atom+xml";
    }
    String ext = name.substring(name.lastIndexOf('.') + 1);
    return switch (ext) {
      case "json" -> "application/json";
      case "xml", "rss" -> "application/rss+xml";
      case "html", "htm" -> "text/html" + UTF8;
      case "md" -> "text/markdown" + UTF8;
      case "css" -> "text/css" + UTF8;
      case "js" -> "text/javascript" + UTF8;
      case "txt" -> "text/plain" + UTF8;
      case "svg" -> "image/svg+xml";
      case "zip" -> "application/zip";
      case "asc" -> "application/pgp-signature";
      case "pem" -> "application/x-pem-file";
      default -> "application/octet-stream";
    };
  }

  /** Whether gzip is likely to shrink such content. */
  static boolean compressible(String contentType) {
    return contentType.startsWith("text/")
        || contentType.contains("json")
        || contentType.contains("xml");
  }

  /** Whether browsers on other origins may read it: every data file, not the HTML page. */
  static boolean crossOrigin(String contentType) {
    return !contentType.startsWith("text/html");
  }
}
