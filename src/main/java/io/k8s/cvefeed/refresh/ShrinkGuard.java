package io.k8s.cvefeed.refresh;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Refuses a feed in which more than {@link #MAX_LOST_ITEMS} of the published ids, or more than
 * {@link #MAX_LOST_FRACTION} of them, are missing: a sign of a broken listing or label, not of CVEs
 * leaving the feed. It counts the ids that vanished, not the net change in size, so new ids cannot
 * hide lost ones.
 */
final class ShrinkGuard {
  static final int MAX_LOST_ITEMS = 5;
  static final double MAX_LOST_FRACTION = 0.10;

  private ShrinkGuard() {}

  /**
   * Returns why publishing {@code next} over {@code published} is refused, or {@code null} when it
   * is allowed.
   */
  static @Nullable String check(List<String> published, List<String> next) {
    Set<String> now = new HashSet<>(next);
    List<String> missing = new ArrayList<>();
    for (String id : new HashSet<>(published)) {
      if (!now.contains(id)) {
        missing.add(id);
      }
    }
    int lost = missing.size();
    if (lost == 0 || (lost <= MAX_LOST_ITEMS && lost <= published.size() * MAX_LOST_FRACTION)) {
      return null;
    }
    missing.sort(null);
    return lost
        + " of the "
        + published.size()
        + " published ids would vanish (more than "
        + MAX_LOST_ITEMS
        + " or "
        + Math.round(MAX_LOST_FRACTION * 100)
        + " %), the feed going from "
        + published.size()
        + " to "
        + next.size()
        + " items; missing: "
        + String.join(", ", missing)
        + "; check the label and the listing, or pass --allow-shrink if the removal is intended";
  }
}
