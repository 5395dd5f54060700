package io.k8s.cvefeed.render;

import io.k8s.cvefeed.model.AffectedRange;
import io.k8s.cvefeed.model.RangeEvent;
import io.k8s.cvefeed.model.RangeEvent.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One affected version span of one component, as people read it: {@code >= 1.27.0, < 1.27.3}, fixed
 * in {@code 1.27.3}. Built from the same schema-valid ranges as the OSV record, so the page and
 * {@code osv/<id>.json} never disagree.
 *
 * @param component the component name
 * @param affected e.g. {@code >= 1.27.0, < 1.27.3}, {@code <= 1.28.11} or {@code all versions}
 * @param fixed the first fixed version, or null when the announcement names none
 */
record AffectedRow(String component, String affected, @Nullable String fixed) {

  /** The rows of an advisory's ranges: components sorted by name, spans in announcement order. */
  static List<AffectedRow> of(List<AffectedRange> ranges) {
    List<AffectedRow> rows = new ArrayList<>();
    for (Map.Entry<String, List<List<RangeEvent>>> e : OsvRanges.byComponent(ranges).entrySet()) {
      for (List<RangeEvent> range : e.getValue()) {
        spans(e.getKey(), range, rows);
      }
    }
    return rows;
  }

  /** A schema-valid range is {@code introduced, end?, introduced, end?, ...}. */
  private static void spans(String component, List<RangeEvent> range, List<AffectedRow> rows) {
    for (int i = 0; i < range.size(); i++) {
      RangeEvent start = range.get(i);
      if (start.kind() != Kind.INTRODUCED) {
        continue;
      }
      RangeEvent end = i + 1 < range.size() ? range.get(i + 1) : null;
      if (end != null && end.kind() == Kind.INTRODUCED) {
        end = null;
      }
      rows.add(span(component, start.version(), end));
    }
  }

  private static AffectedRow span(String component, String introduced, @Nullable RangeEvent end) {
    boolean fromStart = introduced.equals("0");
    String lower = fromStart ? "" : ">= " + introduced;
    if (end == null) {
      return new AffectedRow(component, fromStart ? "all versions" : lower, null);
    }
    String upper = (end.kind() == Kind.LAST_AFFECTED ? "<= " : "< ") + end.version();
    String affected = fromStart ? upper : lower + ", " + upper;
    return new AffectedRow(component, affected, end.kind() == Kind.FIXED ? end.version() : null);
  }
}
