package io.k8s.cvefeed.label;

import java.util.List;

/**
 * An issue that looks like a CVE announcement but lacks the feed label.
 *
 * @param number the issue number
 * @param title the issue title, untrusted
 * @param url the issue page
 * @param state {@code open} or {@code closed}
 * @param reasons why it looks like an announcement, most certain first (never empty)
 */
public record Candidate(long number, String title, String url, String state, List<Reason> reasons) {
  public Candidate {
    reasons = List.copyOf(reasons);
  }

  /** How certain: the sum of the reasons' weights; the title counts most. */
  public int certainty() {
    return reasons.stream().mapToInt(Reason::weight).sum();
  }
}
