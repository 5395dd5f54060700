package io.k8s.cvefeed.extract;

import io.k8s.cvefeed.model.AffectedRange;
import io.k8s.cvefeed.model.RangeEvent;
import java.util.List;
import java.util.stream.Collectors;

/** Ranges as the extract tests write them: {@code component: event=version ...; ...}. */
final class RangeText {
  private RangeText() {}

  static String format(List<AffectedRange> ranges) {
    return ranges.stream()
        .map(
            r ->
                r.component()
                    + ": "
                    + r.events().stream().map(RangeText::event).collect(Collectors.joining(" ")))
        .collect(Collectors.joining("; "));
  }

  private static String event(RangeEvent e) {
    return e.kind().osvName() + "=" + e.version();
  }
}
