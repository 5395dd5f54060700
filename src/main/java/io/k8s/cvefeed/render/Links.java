package io.k8s.cvefeed.render;

import io.k8s.cvefeed.model.CveId;
import java.util.regex.Pattern;

/** The per-CVE links every format carries, and a guard for URLs taken from issues. */
final class Links {
  /**
   * An {@code http(s)} URL with none of the characters that could end an HTML attribute, a Markdown
   * link destination or a table cell.
   */
  private static final Pattern PLAIN_HTTP_URL =
      Pattern.compile("https?://[^\\s<>()\\[\\]|`\"'\\\\{}^]+");

  private Links() {}

  /** The CVE record at cve.org, as the official feed's {@code external_url}. */
  static String cveRecord(CveId id) {
    return "https://www.cve.org/cverecord?id=" + id.value();
  }

  /** A search of the kubernetes-announce group for the id, as the official feed links it. */
  static String announcementSearch(CveId id) {
    return "https://groups.google.com/g/kubernetes-announce/search?q=" + id.value();
  }

  /** Whether {@code url} may be written as a link target without escaping it. */
  static boolean isPlainHttpUrl(String url) {
    return PLAIN_HTTP_URL.matcher(url).matches();
  }
}
