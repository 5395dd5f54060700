package io.k8s.cvefeed.refresh;

import io.k8s.cvefeed.extract.Diagnostic;
import io.k8s.cvefeed.model.Advisory;
import io.k8s.cvefeed.model.CveId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A CVE id claimed by two issues (a placeholder and the announcement, say) would give two feed
 * items with one id. The first announcement (lowest issue number) keeps the id; the later issue
 * loses it, with a diagnostic, and is skipped when it has no id left.
 */
final class DuplicateIds {
  private DuplicateIds() {}

  static List<Advisory> resolve(List<Advisory> advisories, List<Diagnostic> diagnostics) {
    List<Advisory> byNumber = new ArrayList<>(advisories);
    byNumber.sort(Comparator.comparingLong(Advisory::issueNumber));
    Map<CveId, Long> owner = new HashMap<>();
    List<Advisory> kept = new ArrayList<>();
    for (Advisory a : byNumber) {
      List<CveId> ids = new ArrayList<>();
      List<String> lost = new ArrayList<>();
      for (CveId id : a.ids()) {
        Long first = owner.putIfAbsent(id, a.issueNumber());
        if (first == null) {
          ids.add(id);
        } else {
          lost.add(id + " (issue #" + first + ")");
        }
      }
      if (lost.isEmpty()) {
        kept.add(a);
        continue;
      }
      String message =
          "already announced by an earlier issue, kept there only: " + String.join(", ", lost);
      diagnostics.add(new Diagnostic(a.issueNumber(), "feed.duplicate-id", message, ids.isEmpty()));
      if (!ids.isEmpty()) {
        kept.add(a.withIds(ids));
      }
    }
    return kept;
  }
}
