package io.k8s.cvefeed.refresh;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Refuses a feed that lost more than {@link #MAX_LOST_ITEMS} items or more than {@link
 * #MAX_LOST_FRACTION} of the published ones: a sign of a broken listing or label, not of CVEs
 * leaving the feed.
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
    int lost = published.size() - next.size();
    if (lost <= 0) {
      return null;
    }
    boolean tooMany = lost > MAX_LOST_ITEMS || lost > published.size() * MAX_LOST_FRACTION;
    if (!tooMany) {
      return null;
    }
    Set<String> now = new HashSet<>(next);
    List<String> missing = new ArrayList<>();
    for (String id : published) {
      if (!now.contains(id)) {
        missing.add(id);
      }
    }
    missing.sort(null);
    return "the feed would shrink from "
        + published.size()
        + " to "
        + next.size()
        + " items (more than "
        + MAX_LOST_ITEMS
        + " items or "
        + Math.round(MAX_LOST_FRACTION * 100)
        + " %); missing: "
        + String.join(", ", missing)
        + "; check the label and the listing, or pass --allow-shrink if the removal is intended";
  }
}
