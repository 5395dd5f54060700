package io.k8s.cvefeed.render;

import io.k8s.cvefeed.model.Cvss;
import io.k8s.cvefeed.model.FeedItem;
import io.k8s.cvefeed.model.Severity;
import io.k8s.cvefeed.model.Status;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The search and filter form of {@code index.html}, and the {@code data-*} attributes each row
 * carries for it. The form is {@code hidden} in the HTML; {@code cvefeed.js} shows it, so a reader
 * without script never sees controls that do nothing. Options list only values the feed has, with
 * their counts.
 */
final class IndexFilters {
  /** The {@code data-sort} key of each column, in {@link TableRow#HEADERS} order. */
  static final List<String> SORT_KEYS =
      List.of("id", "summary", "status", "severity", "components", "published");

  /** Rows with no CVSS vector have this severity value. */
  static final String UNRATED = "unrated";

  /** One entry of the "Sort" select: {@code value} is {@code <key>:<asc|desc>}. */
  record SortOption(String value, String label) {}

  /**
   * The sort orders: the same as the column headers, for phones, where the table is a list of cards
   * without headers. The first is the feed order.
   */
  static final List<SortOption> SORTS =
      List.of(
          new SortOption("published:desc", "Newest first"),
          new SortOption("published:asc", "Oldest first"),
          new SortOption("severity:desc", "Most severe first"),
          new SortOption("severity:asc", "Least severe first"),
          new SortOption("status:asc", "Status: unfixed, open, fixed, unknown"),
          new SortOption("status:desc", "Status: unknown, fixed, open, unfixed"),
          new SortOption("id:desc", "CVE ID, highest first"),
          new SortOption("id:asc", "CVE ID, lowest first"),
          new SortOption("summary:asc", "Summary, A to Z"),
          new SortOption("summary:desc", "Summary, Z to A"),
          new SortOption("components:asc", "Components, A to Z"),
          new SortOption("components:desc", "Components, Z to A"));

  private IndexFilters() {}

  static void form(StringBuilder h, List<FeedItem> items) {
    h.append("<form id=\"filters\" class=\"filters\" role=\"search\" ")
        .append("aria-label=\"Search and filter the CVEs\" hidden=\"hidden\">\n")
        .append("<div class=\"field field-search\"><label for=\"q\">Search</label>")
        .append("<input id=\"q\" name=\"q\" type=\"search\" autocomplete=\"off\" ")
        .append("spellcheck=\"false\" placeholder=\"CVE ID or words in the summary\" /></div>\n");
    select(h, "status", "Status", count(items, i -> List.of(status(i))), IndexFilters::byStatus);
    select(
        h,
        "severity",
        "Severity",
        count(items, i -> List.of(severity(i))),
        IndexFilters::bySeverity);
    select(
        h,
        "component",
        "Component",
        count(items, i -> TableRow.of(i).components()),
        Comparator.<String>naturalOrder());
    select(
        h,
        "year",
        "Year",
        count(items, i -> List.of(TableRow.of(i).published().substring(0, 4))),
        Comparator.<String>reverseOrder());
    sort(h);
    h.append("<div class=\"field field-reset\"><button type=\"reset\">Clear</button></div>\n")
        .append("</form>\n")
        .append("<p id=\"count\" class=\"count\" role=\"status\"></p>\n");
  }

  private static void sort(StringBuilder h) {
    h.append("<div class=\"field\"><label for=\"f-sort\">Sort</label>");
    h.append("<select id=\"f-sort\" name=\"sort\">\n");
    for (SortOption s : SORTS) {
      h.append("<option value=\"").append(s.value()).append("\">").append(s.label());
      h.append("</option>\n");
    }
    h.append("</select></div>\n");
  }

  /** The row attributes the script filters and sorts on. */
  static void dataAttributes(StringBuilder h, FeedItem item, TableRow r) {
    Cvss cvss = item.advisory().cvss();
    h.append(" data-status=\"").append(status(item));
    h.append("\" data-severity=\"").append(severity(item));
    h.append("\" data-score=\"").append(cvss == null ? "" : TableRow.score(cvss.score()));
    h.append("\" data-components=\"").append(Html.escape(String.join(",", r.components())));
    h.append("\" data-year=\"").append(r.published(), 0, 4);
    h.append("\" data-published=\"").append(r.publishedAt()).append('"');
  }

  private static String status(FeedItem item) {
    return item.advisory().status().wireName();
  }

  private static String severity(FeedItem item) {
    Cvss cvss = item.advisory().cvss();
    return cvss == null ? UNRATED : cvss.severity().name().toLowerCase(Locale.ROOT);
  }

  /** Status options in the order a reader checks them: open and unfixed first. */
  private static int byStatus(String a, String b) {
    List<Status> order = List.of(Status.UNFIXED, Status.OPEN, Status.FIXED, Status.UNKNOWN);
    return Integer.compare(rank(order, s -> s.wireName(), a), rank(order, s -> s.wireName(), b));
  }

  /** Most severe first, unrated last. */
  private static int bySeverity(String a, String b) {
    List<Severity> order =
        List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW, Severity.NONE);
    return Integer.compare(
        rank(order, IndexFilters::lower, a), rank(order, IndexFilters::lower, b));
  }

  private static String lower(Severity s) {
    return s.name().toLowerCase(Locale.ROOT);
  }

  private static <T> int rank(List<T> order, Function<T, String> name, String value) {
    for (int i = 0; i < order.size(); i++) {
      if (name.apply(order.get(i)).equals(value)) {
        return i;
      }
    }
    return order.size();
  }

  private static SortedMap<String, Integer> count(
      List<FeedItem> items, Function<FeedItem, List<String>> values) {
    SortedMap<String, Integer> counts = new TreeMap<>();
    for (FeedItem item : items) {
      for (String v : values.apply(item)) {
        counts.merge(v, 1, Integer::sum);
      }
    }
    return counts;
  }

  private static void select(
      StringBuilder h,
      String name,
      String label,
      SortedMap<String, Integer> counts,
      Comparator<String> order) {
    List<String> values = counts.keySet().stream().sorted(order).toList();
    h.append("<div class=\"field\"><label for=\"f-").append(name).append("\">").append(label);
    h.append("</label><select id=\"f-").append(name).append("\" name=\"").append(name);
    h.append("\">\n<option value=\"\">All</option>\n");
    for (String v : values) {
      String text = !name.equals("severity") ? v : v.equals(UNRATED) ? "Not rated" : capitalise(v);
      h.append("<option value=\"").append(Html.escape(v)).append("\">");
      h.append(Html.escape(text)).append(" (").append(counts.get(v)).append(")</option>\n");
    }
    h.append("</select></div>\n");
  }

  private static String capitalise(String s) {
    return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }
}
