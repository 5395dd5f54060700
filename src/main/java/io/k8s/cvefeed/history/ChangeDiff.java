package io.k8s.cvefeed.history;

import io.k8s.cvefeed.model.CveId;
import io.k8s.cvefeed.model.InvalidInputException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The events between two published feeds. Within one refresh: added, status changes, edits, then
 * removals; each group newest CVE id first.
 */
final class ChangeDiff {
  private static final Comparator<ChangeEvent> ORDER =
      Comparator.comparing(ChangeEvent::kind)
          .thenComparing(e -> idOrder(e.id()), Comparator.reverseOrder());

  private ChangeDiff() {}

  static List<ChangeEvent> between(
      Map<String, ItemState> before, Map<String, ItemState> after, Instant now) {
    List<ChangeEvent> events = new ArrayList<>();
    for (ItemState next : after.values()) {
      ItemState prev = before.get(next.id());
      if (prev == null) {
        events.add(event(now, ChangeEvent.Kind.ADDED, next, null, List.of()));
        continue;
      }
      if (!prev.status().equals(next.status())) {
        events.add(event(now, ChangeEvent.Kind.STATUS_CHANGED, next, prev.status(), List.of()));
      }
      List<String> fields = editedFields(prev, next);
      if (!fields.isEmpty()) {
        events.add(event(now, ChangeEvent.Kind.EDITED, next, null, fields));
      }
    }
    for (ItemState prev : before.values()) {
      if (!after.containsKey(prev.id())) {
        events.add(event(now, ChangeEvent.Kind.REMOVED, prev, null, List.of()));
      }
    }
    events.sort(ORDER);
    return events;
  }

  /** Severity and ranges are compared only when both feeds carry the extension. */
  static List<String> editedFields(ItemState prev, ItemState next) {
    List<String> fields = new ArrayList<>();
    if (!prev.summary().equals(next.summary())) {
      fields.add("summary");
    }
    if (!prev.body().equals(next.body())) {
      fields.add("body");
    }
    if (prev.extended() && next.extended()) {
      if (!Objects.equals(prev.severity(), next.severity())) {
        fields.add("severity");
      }
      if (!Objects.equals(prev.ranges(), next.ranges())) {
        fields.add("ranges");
      }
    }
    return fields;
  }

  private static ChangeEvent event(
      Instant now,
      ChangeEvent.Kind kind,
      ItemState item,
      @Nullable String oldStatus,
      List<String> fields) {
    return new ChangeEvent(
        now,
        kind,
        item.id(),
        item.summary(),
        item.url(),
        item.status(),
        oldStatus,
        item.severityName(),
        fields,
        0);
  }

  /** Sorts CVE ids by year then number; anything else after them, by text. */
  private static String idOrder(@Nullable String id) {
    if (id == null) {
      return "";
    }
    try {
      CveId cve = CveId.parse(id);
      String seq = cve.value().substring(9);
      return cve.year() + "-" + String.format(Locale.ROOT, "%04d", seq.length()) + seq;
    } catch (InvalidInputException e) {
      return "~" + id;
    }
  }
}
