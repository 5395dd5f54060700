package io.k8s.cvefeed.cverecord;

import io.k8s.cvefeed.cverecord.CveRecord.VersionEntry;
import io.k8s.cvefeed.model.RangeEvent.Kind;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads one {@code affected} version entry as a {@link Span}, or says why it cannot: never a guess.
 * The shapes read, with the real records that use them, are tabled in docs/format.md.
 */
final class EntryReader {
  private static final String V = "(" + Version.PATTERN + ")";

  /** {@code v1.25.0 - v1.25.10}, {@code kubelet v1.22.0 - v1.22.13}. */
  private static final Pattern SPAN =
      Pattern.compile("(?:[A-Za-z][\\w-]*\\s+)?" + V + "\\s*-\\s*" + V);

  /** {@code prior to 1.13.9}, {@code < 1.19.3}. */
  private static final Pattern BELOW = Pattern.compile("(?:prior to|<)\\s*" + V);

  /** {@code <= 1.19.3}, {@code <=v1.29.12}. */
  private static final Pattern AT_MOST = Pattern.compile("<=\\s*" + V);

  /** {@code v1.8*}, {@code v1.3.x}, {@code 1.12.*}: a whole minor line. */
  private static final Pattern WILDCARD =
      Pattern.compile("([vV]?\\d+\\.\\d+)(?:\\*|\\.x|\\.\\*)", Pattern.CASE_INSENSITIVE);

  /** {@code Kubernetes all versions}. */
  private static final Pattern ALL = Pattern.compile("(?:kubernetes\\s+)?all versions");

  private EntryReader() {}

  /** A span, or an unreadable entry's reason. */
  sealed interface Read {}

  record Affected(Span span) implements Read {}

  record Unreadable(String reason) implements Read {}

  static Read read(VersionEntry e) {
    String version = e.version().strip();
    String lt = e.lessThan();
    String lte = e.lessThanOrEqual();
    if (lt != null) {
      Version line = wildcard(lt);
      if (line != null) {
        return bounded(version, Kind.LIMIT, line.nextLine(), line, "lessThan", lt);
      }
      Version end = Version.parse(lt);
      return end == null
          ? new Unreadable("lessThan \"" + lt + "\" is not a version")
          : bounded(version, Kind.FIXED, end.asRelease(), end, "lessThan", lt);
    }
    if (lte != null) {
      Version end = Version.parse(lte);
      return end == null || end.isLine()
          ? new Unreadable("lessThanOrEqual \"" + lte + "\" is not a version")
          : bounded(version, Kind.LAST_AFFECTED, end, end, "lessThanOrEqual", lte);
    }
    return alone(version);
  }

  /** An entry with an upper bound: the start comes from {@code version}. */
  private static Read bounded(
      String version, Kind kind, Version end, Version bound, String field, String raw) {
    Version start;
    if (version.equals("0")) {
      start = Span.ZERO;
    } else if (version.isEmpty() || version.equalsIgnoreCase("unspecified")) {
      return new Affected(new Span(null, kind, end));
    } else {
      Version v = labelled(version);
      if (v == null) {
        return new Unreadable("version \"" + version + "\" is not a version");
      }
      start = v.isLine() ? v.lineStart() : v;
    }
    if (kind != Kind.LAST_AFFECTED ? start.compareTo(end) >= 0 : start.compareTo(end) > 0) {
      return new Unreadable(
          field + " \"" + raw + "\" is not above version \"" + version + "\" (" + bound + ")");
    }
    return new Affected(new Span(start, kind, end));
  }

  /** An entry without lessThan or lessThanOrEqual: everything is in {@code version}. */
  private static Read alone(String version) {
    Matcher m = SPAN.matcher(version);
    if (m.matches()) {
      Version a = Version.parse(m.group(1));
      Version b = Version.parse(m.group(2));
      if (a != null && b != null && !b.isLine() && a.compareTo(b) <= 0) {
        return new Affected(new Span(a.asRelease(), Kind.LAST_AFFECTED, b));
      }
    }
    m = BELOW.matcher(version);
    if (m.matches()) {
      Version end = Version.parse(m.group(1));
      if (end != null) {
        return new Affected(new Span(null, Kind.FIXED, end.asRelease()));
      }
    }
    m = AT_MOST.matcher(version);
    if (m.matches()) {
      Version end = Version.parse(m.group(1));
      if (end != null && !end.isLine()) {
        return new Affected(new Span(null, Kind.LAST_AFFECTED, end));
      }
    }
    if (ALL.matcher(version.toLowerCase(Locale.ROOT)).matches()) {
      return new Affected(new Span(Span.ZERO, null, null));
    }
    Version line = wildcard(version);
    Version v = line != null ? line : Version.parse(version);
    if (v == null) {
      return new Unreadable("version \"" + version + "\" is not a version or a range");
    }
    if (v.isLine()) {
      return new Affected(new Span(v.lineStart(), Kind.LIMIT, v.nextLine()));
    }
    return new Affected(new Span(v, Kind.LAST_AFFECTED, v));
  }

  /** {@code v1.8*} or {@code v1.3.x} as the line {@code 1.8}; else {@code null}. */
  private static @Nullable Version wildcard(String text) {
    Matcher m = WILDCARD.matcher(text.strip());
    return m.matches() ? Version.parse(m.group(1)) : null;
  }

  /** A version, allowing a leading product word: {@code kubelet v1.24.0}. */
  private static @Nullable Version labelled(String text) {
    Version v = Version.parse(text);
    if (v != null) {
      return v;
    }
    Matcher m = SPAN.matcher(text);
    if (m.matches()) {
      return Version.parse(m.group(1));
    }
    int space = text.lastIndexOf(' ');
    return space < 0 ? null : Version.parse(text.substring(space + 1));
  }
}
