package io.k8s.cvefeed.refresh;

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
 */
public record TargetResult(
    String target, Outcome outcome, int written, int removed, @Nullable String error) {

  /** Per-target outcome. */
  public enum Outcome {
    PUBLISHED,
    UNCHANGED,
    /** Not written on purpose: the shrink guard refused. */
    REFUSED,
    FAILED;

    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
