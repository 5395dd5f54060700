package io.k8s.cvefeed.check;

import io.k8s.cvefeed.model.AffectedRange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks running versions against published ranges. A range applies to a target when its component,
 * named canonically, is one the target covers.
 */
public final class Checker {
  /** Most severe first (unknown severity last), then higher score, newer CVE, component. */
  static final Comparator<Finding> ORDER =
      Comparator.comparingInt((Finding f) -> f.severity() == null ? -1 : f.severity().ordinal())
          .reversed()
          .thenComparing(
              f -> f.vulnerability().score() == null ? -1.0 : f.vulnerability().score(),
              Comparator.reverseOrder())
          .thenComparing(f -> f.vulnerability().id(), Checker::compareIds)
          .thenComparing(Finding::component)
          .thenComparing(f -> f.running().version());

  private Checker() {}

  /**
   * Every (CVE, component, running version) that falls in a range, sorted by {@link #ORDER}.
   *
   * @param problems receives one line per range that could not be evaluated (not SemVer)
   */
  public static List<Finding> check(
      List<Vulnerability> vulnerabilities, List<Target> targets, List<String> problems) {
    List<Finding> findings = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Vulnerability v : vulnerabilities) {
      for (AffectedRange range : v.affected()) {
        String component = ComponentNames.canonical(range.component());
        for (Target t : targets) {
          if (!t.components().contains(component)) {
            continue;
          }
          RangeMatch m;
          try {
            m = RangeMatch.of(range.events(), t.version().version());
          } catch (IllegalArgumentException e) {
            problems.add(
                v.id() + " " + range.component() + ": " + e.getMessage() + "; range skipped");
            continue;
          }
          String key = v.id() + " " + component + " " + t.version().raw();
          if (m.affected() && seen.add(key)) {
            findings.add(
                new Finding(v, component, t.version(), m.fixedIn(), m.lastAffected(), t.sources()));
          }
        }
      }
    }
    findings.sort(ORDER);
    return findings;
  }

  /** {@code CVE-2024-10220} after {@code CVE-2024-9999}, newest first. */
  private static int compareIds(String a, String b) {
    return key(b).compareTo(key(a));
  }

  private static String key(String id) {
    String[] parts = id.split("-");
    StringBuilder s = new StringBuilder();
    for (String p : parts) {
      s.append(p.chars().allMatch(Character::isDigit) ? "%04d".formatted(p.length()) + p : p)
          .append('-');
    }
    return s.toString();
  }
}
