package io.k8s.cvefeed.render;

import io.k8s.cvefeed.model.AffectedRange;
import io.k8s.cvefeed.model.RangeEvent;
import io.k8s.cvefeed.model.RangeEvent.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the model's ranges into OSV {@code SEMVER} ranges that the OSV schema accepts: each range
 * has an {@code introduced} event ({@code "0"} is added before a leading end event), and {@code
 * fixed} and {@code last_affected} never share a range (segments ending in {@code last_affected}
 * move to a range of their own; OSV reads ranges independently, so the meaning is kept). An end
 * event that follows another end event opens a new segment from {@code "0"}, like a leading one.
 */
final class OsvRanges {
  private OsvRanges() {}

  /** The affected ranges grouped by component, components sorted by name. */
  static Map<String, List<List<RangeEvent>>> byComponent(List<AffectedRange> affected) {
    Map<String, List<List<RangeEvent>>> out = new TreeMap<>();
    for (AffectedRange r : affected) {
      List<List<RangeEvent>> ranges = out.computeIfAbsent(r.component(), c -> new ArrayList<>());
      ranges.addAll(split(r.events()));
    }
    out.values().removeIf(List::isEmpty);
    return out;
  }

  /**
   * The Go module of each component that has one, by component: the first module a range of the
   * component names.
   */
  static Map<String, String> modules(List<AffectedRange> affected) {
    Map<String, String> out = new TreeMap<>();
    for (AffectedRange r : affected) {
      String module = r.module();
      if (module != null) {
        out.putIfAbsent(r.component(), module);
      }
    }
    return out;
  }

  /** One model range as one or two schema-valid OSV ranges (none when it has no events). */
  static List<List<RangeEvent>> split(List<RangeEvent> events) {
    List<List<RangeEvent>> segments = new ArrayList<>();
    List<RangeEvent> current = new ArrayList<>();
    boolean open = false;
    for (RangeEvent e : events) {
      boolean introduced = e.kind() == Kind.INTRODUCED;
      if (introduced || !open) {
        current = new ArrayList<>();
        segments.add(current);
        if (!introduced) {
          current.add(RangeEvent.introduced("0"));
        }
      }
      current.add(e);
      open = introduced;
    }
    List<RangeEvent> fixed = new ArrayList<>();
    List<RangeEvent> lastAffected = new ArrayList<>();
    for (List<RangeEvent> s : segments) {
      boolean last = s.stream().anyMatch(e -> e.kind() == Kind.LAST_AFFECTED);
      (last ? lastAffected : fixed).addAll(s);
    }
    List<List<RangeEvent>> out = new ArrayList<>(2);
    if (!fixed.isEmpty()) {
      out.add(List.copyOf(fixed));
    }
    if (!lastAffected.isEmpty()) {
      out.add(List.copyOf(lastAffected));
    }
    return out;
  }
}
