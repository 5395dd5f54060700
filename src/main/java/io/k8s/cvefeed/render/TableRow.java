package io.k8s.cvefeed.render;

import io.k8s.cvefeed.model.Advisory;
import io.k8s.cvefeed.model.AffectedRange;
import io.k8s.cvefeed.model.Cvss;
import io.k8s.cvefeed.model.FeedItem;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * One row of the human-readable table (Markdown and HTML), as plain unescaped text: each format
 * escapes it for itself.
 *
 * @param id the CVE id
 * @param issueUrl the issue link, or null when the URL is not a plain http(s) URL
 * @param summary the issue title's summary
 * @param status the status wire name
 * @param published the issue creation day, {@code yyyy-MM-dd} in UTC
 * @param publishedAt the issue creation time, RFC 3339 UTC seconds
 * @param severity e.g. {@code High (8.8)}, or {@code ""} when no CVSS vector is known
 * @param components the affected component names, sorted, distinct
 */
record TableRow(
    String id,
    @Nullable String issueUrl,
    String summary,
    String status,
    String published,
    String publishedAt,
    String severity,
    List<String> components) {

  static final List<String> HEADERS =
      List.of("CVE ID", "Summary", "Status", "Severity", "Affected components", "Published");

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);

  static TableRow of(FeedItem item) {
    Advisory a = item.advisory();
    TreeSet<String> components = new TreeSet<>();
    for (AffectedRange r : a.affected()) {
      components.add(r.component());
    }
    return new TableRow(
        item.id().value(),
        Links.isPlainHttpUrl(a.url()) ? a.url() : null,
        a.summary(),
        a.status().wireName(),
        DAY.format(a.published()),
        Json.timestamp(a.published()),
        severity(a.cvss()),
        List.copyOf(components));
  }

  static String severity(@Nullable Cvss cvss) {
    if (cvss == null) {
      return "";
    }
    return cvss.severity().displayName() + " (" + score(cvss.score()) + ")";
  }

  /** A CVSS score with one decimal, as CVSS writes it: {@code 8.8}, {@code 10.0}. */
  static String score(double score) {
    return String.format(Locale.ROOT, "%.1f", score);
  }
}
