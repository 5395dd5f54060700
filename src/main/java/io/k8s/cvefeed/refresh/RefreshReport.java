package io.k8s.cvefeed.refresh;

import io.k8s.cvefeed.extract.Diagnostic;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of one refresh cycle that got as far as publishing. A cycle that could not read
 * GitHub throws instead, and publishes nothing.
 *
 * @param pages listing pages read
 * @param requests GitHub requests sent, retries included
 * @param notModified pages answered 304
 * @param rateLimitRemaining the last rate-limit remaining GitHub reported, or {@code null}
 * @param issues issues read (pull requests dropped)
 * @param items feed items (one per CVE id)
 * @param skipped issues left out of the feed
 * @param diagnostics every problem found in the issues
 * @param targets one result per publish target, in the order given
 * @param digest the content digest of this refresh's feed
 * @param finishedAt when the cycle ended
 * @param elapsed how long it took
 * @param phases how {@code elapsed} divides into fetch, extract, render and publish
 */
public record RefreshReport(
    int pages,
    int requests,
    int notModified,
    @Nullable Integer rateLimitRemaining,
    int issues,
    int items,
    int skipped,
    List<Diagnostic> diagnostics,
    List<TargetResult> targets,
    String digest,
    Instant finishedAt,
    Duration elapsed,
    Phases phases) {

  public RefreshReport {
    diagnostics = List.copyOf(diagnostics);
    targets = List.copyOf(targets);
  }

  /** Whether any target failed or refused. */
  public boolean anyFailed() {
    return targets.stream()
        .anyMatch(
            t ->
                t.outcome() == TargetResult.Outcome.FAILED
                    || t.outcome() == TargetResult.Outcome.REFUSED);
  }

  /** Whether any target was written. */
  public boolean anyPublished() {
    return targets.stream().anyMatch(t -> t.outcome() == TargetResult.Outcome.PUBLISHED);
  }
}
