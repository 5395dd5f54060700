package io.k8s.cvefeed.refresh;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What happened at one publish target.
 *
 * @param target the target URI
 * @param outcome what happened
 * @param written files written, the manifest included
 * @param removed files removed
 * @param error the failure message, when {@code outcome} is {@link Outcome#FAILED} or {@link
 *     Outcome#REFUSED}
 * @param repairs what the self-check found wrong with the target before this publish, e.g. {@code
 *     osv/CVE-2026-0001.json: missing}; empty when it held its whole release
 */
public record TargetResult(
    String target,
    Outcome outcome,
    int written,
    int removed,
    @Nullable String error,
    List<String> repairs) {

  public TargetResult {
    repairs = List.copyOf(repairs);
  }

  /** A result without repairs. */
  public TargetResult(
      String target, Outcome outcome, int written, int removed, @Nullable String error) {
    this(target, outcome, written, removed, error, List.of());
  }

  /** Per-target outcome. */
  public enum Outcome {
    PUBLISHED,
    UNCHANGED,
    /**
     * The content was unchanged but the target no longer held its whole release (a file missing or
     * damaged, an interrupted publish): it was published again.
     */
    REPAIRED,
    /** Not written on purpose: the shrink guard refused. */
    REFUSED,
    FAILED;

    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
