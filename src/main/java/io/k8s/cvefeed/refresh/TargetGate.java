package io.k8s.cvefeed.refresh;

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
 * Decides, for one target, whether to publish and publishes: checks the target against its own
 * manifest, compares content digests, applies the shrink guard. A target whose files differ from
 * its manifest is republished even when the digest is unchanged ({@code repaired}).
 */
final class TargetGate {
  /** Builds the release on first need, so that an unchanged refresh never renders it. */
  interface Releases {
    /**
     * The release of this refresh.
     *
     * @param target the target it is for (the first one asked also supplies the change history)
     * @param updatedAt the time to stamp, or {@code null} for now; a repair passes the published
     *     manifest's time, so that the repaired files are the bytes published before
     */
    Release release(Publisher target, @Nullable Instant updatedAt)
        throws PublishException, InterruptedException;
  }

  private final boolean allowShrink;

  TargetGate(boolean allowShrink) {
    this.allowShrink = allowShrink;
  }

  TargetResult publish(Publisher publisher, List<String> items, String digest, Releases releases)
      throws InterruptedException {
    String target = publisher.target();
    try {
      Manifest current = publisher.published();
      List<Damage> damage = current == null ? List.of() : publisher.damage(current);
      boolean sameContent = current != null && current.digest().equals(digest);
      Instant keep = current != null && sameContent ? current.updatedAt() : null;
      if (sameContent && damage.isEmpty()) {
        return new TargetResult(target, TargetResult.Outcome.UNCHANGED, 0, 0, null);
      }
      if (!sameContent && current != null && !allowShrink) {
        String refusal = ShrinkGuard.check(current.items(), items);
        if (refusal != null) {
          return new TargetResult(
              target, TargetResult.Outcome.REFUSED, 0, 0, target + ": " + refusal);
        }
      }
      Set<String> rewrite = new HashSet<>();
      damage.forEach(d -> rewrite.add(d.path()));
      Release release = releases.release(publisher, keep);
      PublishResult result = publisher.publish(release, current, rewrite);
      List<String> repairs = damage.stream().map(Damage::toString).toList();
      return new TargetResult(
          target,
          sameContent ? TargetResult.Outcome.REPAIRED : TargetResult.Outcome.PUBLISHED,
          result.written(),
          result.removed(),
          null,
          repairs);
    } catch (PublishException e) {
      return new TargetResult(
          target, TargetResult.Outcome.FAILED, 0, 0, String.valueOf(e.getMessage()));
    }
  }
}
