package io.k8s.cvefeed.cverecord;

import io.k8s.cvefeed.model.RangeEvent;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One affected span read from one version entry.
 *
 * @param start the first affected version; {@code null} when the entry leaves it open ({@code
 *     unspecified}, {@code prior to 1.13.9}), {@link #ZERO} for every earlier version
 * @param endKind how the span ends, or {@code null} when it does not
 * @param end the version of {@code endKind}
 */
record Span(@Nullable Version start, RangeEvent.@Nullable Kind endKind, @Nullable Version end) {
  /** {@code introduced "0"}. */
  static final Version ZERO = new Version(0, 0, 0, null);

  Span withStart(Version newStart) {
    return new Span(newStart, endKind, end);
  }

  Span withEnd(RangeEvent.Kind kind, Version version) {
    return new Span(start, kind, version);
  }

  /** The OSV events: introduced, then the end when there is one. */
  List<RangeEvent> events() {
    List<RangeEvent> events = new ArrayList<>(2);
    Version s = start;
    events.add(RangeEvent.introduced(s == null || s.equals(ZERO) ? "0" : s.toString()));
    RangeEvent.Kind k = endKind;
    Version e = end;
    if (k != null && e != null) {
      events.add(new RangeEvent(k, e.toString()));
    }
    return events;
  }
}
