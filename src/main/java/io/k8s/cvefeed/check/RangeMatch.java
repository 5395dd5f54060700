package io.k8s.cvefeed.check;

import io.k8s.cvefeed.model.KubeVersion;
import io.k8s.cvefeed.model.RangeEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * OSV {@code SEMVER} range evaluation (the OSV schema's "evaluation" section): sort the events by
 * version, then walk them; {@code introduced} at or below the version turns "affected" on, {@code
 * fixed} or {@code limit} at or below it turns it off, {@code last_affected} below it turns it off.
 *
 * @param affected whether the version falls in the range
 * @param fixedIn the first {@code fixed} version above the running one, when affected
 * @param lastAffected the {@code last_affected} version closing the affected span, when no fix is
 *     listed
 */
record RangeMatch(boolean affected, @Nullable String fixedIn, @Nullable String lastAffected) {
  static final RangeMatch NOT_AFFECTED = new RangeMatch(false, null, null);

  /** Sorted event, with the version parsed. */
  private record Point(RangeEvent.Kind kind, EventVersion version) {}

  /**
   * Evaluates one range.
   *
   * @throws IllegalArgumentException naming the event when a version is not SemVer
   */
  static RangeMatch of(List<RangeEvent> events, KubeVersion running) {
    EventVersion v = EventVersion.of(running);
    List<Point> points = new ArrayList<>();
    for (RangeEvent e : events) {
      EventVersion ev =
          e.version().equals("0") ? EventVersion.ZERO : EventVersion.parse(e.version());
      if (ev == null) {
        throw new IllegalArgumentException(
            e.kind().osvName() + " \"" + e.version() + "\" is not a SemVer version");
      }
      points.add(new Point(e.kind(), ev));
    }
    // Equal versions: introduced first, so "introduced X, fixed X" affects nothing.
    points.sort(Comparator.comparing(Point::version).thenComparing(Point::kind));
    boolean affected = false;
    int openedAt = -1;
    for (int i = 0; i < points.size(); i++) {
      Point p = points.get(i);
      int c = v.compareTo(p.version());
      switch (p.kind()) {
        case INTRODUCED -> {
          if (c >= 0 && !affected) {
            affected = true;
            openedAt = i;
          }
        }
        case FIXED -> affected = affected && c < 0;
        case LAST_AFFECTED -> affected = affected && c <= 0;
        case LIMIT -> affected = affected && c < 0;
      }
    }
    return affected ? closing(points, openedAt, v) : NOT_AFFECTED;
  }

  /** The first event after the running version that ends the affected span. */
  private static RangeMatch closing(List<Point> points, int openedAt, EventVersion v) {
    for (int i = openedAt + 1; i < points.size(); i++) {
      Point p = points.get(i);
      if (p.kind() == RangeEvent.Kind.FIXED && v.compareTo(p.version()) < 0) {
        return new RangeMatch(true, p.version().toString(), null);
      }
      if (p.kind() == RangeEvent.Kind.LAST_AFFECTED && v.compareTo(p.version()) <= 0) {
        return new RangeMatch(true, null, p.version().toString());
      }
    }
    return new RangeMatch(true, null, null);
  }
}
