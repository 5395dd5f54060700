package io.k8s.cvefeed.extract;

import io.k8s.cvefeed.model.AffectedRange;
import io.k8s.cvefeed.model.RangeEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Turns the affected and fixed lines of one announcement into per-component OSV ranges.
 *
 * <ol>
 *   <li>Lines without a component belong to the default components; fixed lines without one apply
 *       to every component.
 *   <li>Of several upper-bound-only lines ({@code <= v1.25.3}, {@code <= v1.24.7}) for one
 *       component, the lowest starts at {@code 0}, the others at their own minor line's start.
 *   <li>An inclusive end ({@code last_affected}) becomes {@code fixed} when a fixed version on the
 *       same minor line follows it; an open start ({@code >= v1.8.0}) is cut at each fixed version.
 *   <li>Ranges that touch ({@code fixed 1.7.0} then {@code introduced 1.7.0}) are joined.
 * </ol>
 */
final class RangeBuilder {
  private enum End {
    NONE,
    FIXED,
    LAST_AFFECTED
  }

  private record Span(@Nullable SemVer lower, @Nullable SemVer upper, End end) {}

  private static final Comparator<@Nullable SemVer> NULL_FIRST =
      Comparator.nullsFirst(Comparator.naturalOrder());

  private RangeBuilder() {}

  static List<AffectedRange> build(
      List<VersionLine.Affected> affected,
      List<VersionLine.Fixed> fixed,
      List<String> defaultComponents,
      DiagnosticLog log) {
    Map<String, List<VersionLine.Affected>> lines = new TreeMap<>();
    for (VersionLine.Affected a : affected) {
      for (String c : a.components().isEmpty() ? defaultComponents : a.components()) {
        lines.computeIfAbsent(c, k -> new ArrayList<>()).add(a);
      }
    }
    List<AffectedRange> ranges = new ArrayList<>();
    lines.forEach(
        (component, own) -> {
          List<Span> spans = new ArrayList<>();
          NavigableSet<SemVer> fixes = fixesFor(component, fixed);
          @Nullable SemVer lowestUpper = lowestUpperOnly(own);
          for (VersionLine.Affected a : own) {
            spans.addAll(resolve(a, startOf(a, lowestUpper), fixes));
          }
          for (Span s : merge(spans, component, log)) {
            ranges.add(
                new AffectedRange(component, Components.module(component).orElse(null), events(s)));
          }
        });
    return ranges;
  }

  private static NavigableSet<SemVer> fixesFor(String component, List<VersionLine.Fixed> fixed) {
    TreeSet<SemVer> fixes = new TreeSet<>();
    for (VersionLine.Fixed f : fixed) {
      if (f.components().isEmpty() || f.components().contains(component)) {
        fixes.add(f.version());
      }
    }
    return fixes;
  }

  private static @Nullable SemVer lowestUpperOnly(List<VersionLine.Affected> lines) {
    return lines.stream()
        .filter(VersionLine.Affected::upperOnly)
        .map(VersionLine.Affected::upper)
        .min(NULL_FIRST)
        .orElse(null);
  }

  private static @Nullable SemVer startOf(VersionLine.Affected a, @Nullable SemVer lowestUpper) {
    SemVer upper = a.upper();
    if (!a.upperOnly() || upper == null || upper.equals(lowestUpper)) {
      return a.lower();
    }
    SemVer start = upper.minorStart();
    return start.compareTo(upper) <= 0 ? start : upper;
  }

  private static List<Span> resolve(
      VersionLine.Affected a, @Nullable SemVer lower, NavigableSet<SemVer> fixes) {
    SemVer upper = a.upper();
    if (upper != null && a.upperExclusive()) {
      return List.of(new Span(lower, upper, End.FIXED));
    }
    TreeSet<SemVer> candidates = new TreeSet<>(fixes);
    if (a.fixedInline() != null) {
      candidates.add(a.fixedInline());
    }
    if (upper != null) {
      SemVer inline = a.fixedInline();
      SemVer fix =
          inline != null && inline.compareTo(upper) > 0
              ? inline
              : candidates.stream()
                  .filter(f -> f.sameMinor(upper) && f.compareTo(upper) > 0)
                  .findFirst()
                  .orElse(null);
      return List.of(
          fix == null
              ? new Span(lower, upper, End.LAST_AFFECTED)
              : new Span(lower, fix, End.FIXED));
    }
    return cutOpenEnd(lower, candidates);
  }

  private static List<Span> cutOpenEnd(@Nullable SemVer lower, NavigableSet<SemVer> fixes) {
    List<Span> spans = new ArrayList<>();
    @Nullable SemVer start = lower;
    @Nullable SemVer previous = null;
    for (SemVer f : fixes) {
      if (lower != null && f.compareTo(lower) <= 0) {
        continue;
      }
      if (previous != null) {
        if (f.sameMinor(previous)) {
          continue;
        }
        start = f.minorStart();
      }
      spans.add(new Span(start, f, End.FIXED));
      previous = f;
    }
    if (spans.isEmpty()) {
      spans.add(new Span(lower, null, End.NONE));
    }
    return spans;
  }

  private static List<Span> merge(List<Span> spans, String component, DiagnosticLog log) {
    List<Span> sorted = new ArrayList<>(spans);
    sorted.sort(
        Comparator.comparing(Span::lower, NULL_FIRST).thenComparing(Span::upper, NULL_FIRST));
    List<Span> out = new ArrayList<>();
    for (Span s : sorted) {
      if (inverted(s)) {
        log.add(
            "versions.inverted",
            component
                + ": range "
                + s.lower()
                + " .. "
                + s.upper()
                + " ends before it starts; dropped");
        continue;
      }
      Span last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && last.equals(s)) {
        continue;
      }
      if (last != null
          && last.end() == End.FIXED
          && s.lower() != null
          && s.lower().equals(last.upper())) {
        out.set(out.size() - 1, new Span(last.lower(), s.upper(), s.end()));
        continue;
      }
      out.add(s);
    }
    return out;
  }

  private static boolean inverted(Span s) {
    if (s.lower() == null || s.upper() == null) {
      return false;
    }
    int c = s.upper().compareTo(s.lower());
    return c < 0 || (c == 0 && s.end() == End.FIXED);
  }

  private static List<RangeEvent> events(Span s) {
    List<RangeEvent> events = new ArrayList<>();
    events.add(RangeEvent.introduced(s.lower() == null ? "0" : s.lower().toString()));
    if (s.upper() != null && s.end() == End.FIXED) {
      events.add(RangeEvent.fixed(s.upper().toString()));
    } else if (s.upper() != null && s.end() == End.LAST_AFFECTED) {
      events.add(RangeEvent.lastAffected(s.upper().toString()));
    }
    return events;
  }
}
