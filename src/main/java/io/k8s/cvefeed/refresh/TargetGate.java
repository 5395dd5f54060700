package io.k8s.cvefeed.refresh;

import io.k8s.cvefeed.github.SourceException;
import io.k8s.cvefeed.publish.Damage;
import io.k8s.cvefeed.publish.Manifest;
import io.k8s.cvefeed.publish.PublishException;
import io.k8s.cvefeed.publish.PublishResult;
import io.k8s.cvefeed.publish.Publisher;
import io.k8s.cvefeed.publish.Release;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Decides, for one target, whether this refresh writes to it, and writes. A target is first checked
 * against its own manifest; one that holds it whole and already has this content (known from the
 * inputs alone when they are the last refresh's, else from the content digest) is left alone. A
 * damaged target is written again even when the content is unchanged ({@code repaired}). A feed
 * that lost too many published CVEs is refused; anything else is published.
 */
final class TargetGate {
  /** What a refresh offers each target; the snapshot and the releases are made on first need. */
  interface Offer {
    /** The {@link ReleaseInputs} fingerprint of this refresh. */
    String inputs();

    /** The content this refresh found. */
    Snapshot snapshot() throws SourceException, InterruptedException;

    /**
     * The release of {@link #snapshot()}.
     *
     * @param first the target asking (the first one also supplies the change history)
     * @param updatedAt the time to stamp, or {@code null} for now; a repair passes the published
     *     manifest's time, so that the repaired files are the bytes published before
     */
    Release release(Publisher first, @Nullable Instant updatedAt)
        throws SourceException, PublishException, InterruptedException;
  }

  private final boolean allowShrink;

  TargetGate(boolean allowShrink) {
    this.allowShrink = allowShrink;
  }

  /**
   * @param last what the last refresh saw, or {@code null}
   */
  TargetResult pass(Publisher publisher, Offer offer, LastRelease.@Nullable Entry last)
      throws SourceException, InterruptedException {
    String target = publisher.target();
    try {
      Manifest current = publisher.published();
      List<Damage> damage = current == null ? List.of() : publisher.damage(current);
      if (current != null
          && damage.isEmpty()
          && last != null
          && last.inputs().equals(offer.inputs())
          && last.digest().equals(current.digest())) {
        return result(target, TargetResult.Outcome.UNCHANGED, null);
      }
      Snapshot snapshot = offer.snapshot();
      boolean sameContent = current != null && current.digest().equals(snapshot.digest());
      if (sameContent && damage.isEmpty()) {
        return result(target, TargetResult.Outcome.UNCHANGED, null);
      }
      if (!sameContent && current != null && !allowShrink) {
        String refusal = ShrinkGuard.check(current.items(), snapshot.items());
        if (refusal != null) {
          return result(target, TargetResult.Outcome.REFUSED, target + ": " + refusal);
        }
      }
      Set<String> rewrite = new HashSet<>();
      damage.forEach(d -> rewrite.add(d.path()));
      Instant keep = sameContent && current != null ? current.updatedAt() : null;
      PublishResult written = publisher.publish(offer.release(publisher, keep), current, rewrite);
      return new TargetResult(
          target,
          sameContent ? TargetResult.Outcome.REPAIRED : TargetResult.Outcome.PUBLISHED,
          written.written(),
          written.removed(),
          null,
          damage.stream().map(Damage::toString).toList());
    } catch (PublishException e) {
      return result(target, TargetResult.Outcome.FAILED, String.valueOf(e.getMessage()));
    }
  }

  private static TargetResult result(
      String target, TargetResult.Outcome outcome, @Nullable String error) {
    return new TargetResult(target, outcome, 0, 0, error);
  }
}
