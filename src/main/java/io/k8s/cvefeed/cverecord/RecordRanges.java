package io.k8s.cvefeed.cverecord;

import io.k8s.cvefeed.cverecord.CveRecord.Product;
import io.k8s.cvefeed.cverecord.CveRecord.VersionEntry;
import io.k8s.cvefeed.extract.SharedReadings;
import io.k8s.cvefeed.model.AffectedRange;
import io.k8s.cvefeed.model.RangeEvent;
import io.k8s.cvefeed.model.RangeEvent.Kind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The CNA's {@code affected[]} as the feed's ranges, one per product, plus every entry that could
 * not be read (named, never guessed at). Rules, in order:
 *
 * <ol>
 *   <li>each {@code affected} entry is one span ({@link EntryReader});
 *   <li>an open start ({@code unspecified}, {@code prior to X.Y.Z}) is the start of the end's minor
 *       line, {@code X.Y.0}; the lowest such span starts at {@code 0};
 *   <li>an {@code unaffected} entry {@code X.Y.Z} is the fix of the span of its minor line that
 *       ends, with {@code last_affected}, just below it.
 * </ol>
 */
public final class RecordRanges {
  private static final Comparator<Span> ORDER =
      Comparator.comparing((Span s) -> s.start() == null ? Span.ZERO : s.start())
          .thenComparing(s -> s.end() == null ? new Version(99999, 0, 0, null) : s.end());

  /**
   * The ranges and the unreadable entries.
   *
   * @param unreadable one line per entry: product, the entry as written, and why
   */
  public record Result(List<AffectedRange> ranges, List<String> unreadable) {
    public Result {
      ranges = List.copyOf(ranges);
      unreadable = List.copyOf(unreadable);
    }
  }

  private RecordRanges() {}

  public static Result of(CveRecord record) {
    List<AffectedRange> ranges = new ArrayList<>();
    List<String> unreadable = new ArrayList<>();
    for (Product p : record.cna().affected()) {
      List<Span> spans = new ArrayList<>();
      List<Version> unaffected = new ArrayList<>();
      for (VersionEntry e : p.versions()) {
        String status = e.status().strip().toLowerCase(java.util.Locale.ROOT);
        if (status.equals("unaffected")) {
          Version v = Version.parse(e.version());
          if (e.lessThan() == null && e.lessThanOrEqual() == null && v != null && !v.isLine()) {
            unaffected.add(v);
          }
          continue;
        }
        if (!status.equals("affected")) {
          continue;
        }
        EntryReader.Read read = EntryReader.read(e);
        if (read instanceof EntryReader.Affected a) {
          spans.add(a.span());
        } else {
          unreadable.add(p.product() + " " + e + ": " + ((EntryReader.Unreadable) read).reason());
        }
      }
      List<RangeEvent> events = new ArrayList<>();
      for (Span s : fixes(openStarts(spans), unaffected)) {
        events.addAll(s.events());
      }
      if (!events.isEmpty()) {
        String component = SharedReadings.component(p.product());
        ranges.add(new AffectedRange(component, SharedReadings.module(component), events));
      }
    }
    return new Result(ranges, unreadable);
  }

  /** Rule 2: open starts become line starts, the lowest {@code 0}. */
  private static List<Span> openStarts(List<Span> spans) {
    Version lowest = null;
    for (Span s : spans) {
      Version end = s.end();
      if (s.start() == null && end != null && (lowest == null || end.compareTo(lowest) < 0)) {
        lowest = end;
      }
    }
    List<Span> out = new ArrayList<>();
    for (Span s : spans) {
      Version end = s.end();
      if (s.start() != null || end == null) {
        out.add(s);
      } else if (end.equals(lowest)) {
        out.add(s.withStart(Span.ZERO));
      } else {
        out.add(s.withStart(end.lineStart()));
      }
    }
    return out;
  }

  /** Rule 3: an unaffected version in a span's line, just above its last affected, fixes it. */
  private static List<Span> fixes(List<Span> spans, List<Version> unaffected) {
    List<Span> out = new ArrayList<>();
    for (Span s : spans) {
      Version last = s.end();
      Version fix = null;
      if (s.endKind() == Kind.LAST_AFFECTED && last != null) {
        fix = lowestAbove(last, unaffected);
      }
      out.add(fix == null ? s : s.withEnd(Kind.FIXED, fix));
    }
    out.sort(ORDER);
    return out;
  }

  private static @Nullable Version lowestAbove(Version last, List<Version> candidates) {
    Version best = null;
    for (Version u : candidates) {
      if (u.sameLine(last) && u.compareTo(last) > 0 && (best == null || u.compareTo(best) < 0)) {
        best = u;
      }
    }
    return best;
  }
}
