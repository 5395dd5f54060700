package io.k8s.cvefeed.refresh;

import io.k8s.cvefeed.publish.Manifest;
import io.k8s.cvefeed.publish.PublishException;
import io.k8s.cvefeed.publish.PublishResult;
import io.k8s.cvefeed.publish.Publisher;
import io.k8s.cvefeed.publish.Release;
import io.k8s.cvefeed.source.SourceException;
import org.jspecify.annotations.Nullable;

/**
 * Decides, for one target, whether this refresh writes to it: not when it already holds the content
 * (found from the inputs alone when they are the last refresh's, else from the content digest), not
 * when the feed lost too many published CVEs, else the release.
 */
final class TargetGate {
  /** What a refresh offers each target; the snapshot and the release are made on first need. */
  interface Offer {
    /** The {@link ReleaseInputs} fingerprint of this refresh. */
    String inputs();

    /** The content this refresh found. */
    Snapshot snapshot() throws SourceException, InterruptedException;

    /** The release of {@link #snapshot()}. */
    Release release(Publisher first) throws SourceException, PublishException, InterruptedException;
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
      if (current != null
          && last != null
          && last.inputs().equals(offer.inputs())
          && last.digest().equals(current.digest())) {
        return result(target, TargetResult.Outcome.UNCHANGED, null);
      }
      Snapshot snapshot = offer.snapshot();
      if (current != null && current.digest().equals(snapshot.digest())) {
        return result(target, TargetResult.Outcome.UNCHANGED, null);
      }
      if (current != null && !allowShrink) {
        String refusal = ShrinkGuard.check(current.items(), snapshot.items());
        if (refusal != null) {
          return result(target, TargetResult.Outcome.REFUSED, target + ": " + refusal);
        }
      }
      PublishResult written = publisher.publish(offer.release(publisher), current);
      return new TargetResult(
          target, TargetResult.Outcome.PUBLISHED, written.written(), written.removed(), null);
    } catch (PublishException e) {
      return result(target, TargetResult.Outcome.FAILED, String.valueOf(e.getMessage()));
    }
  }

  private static TargetResult result(
      String target, TargetResult.Outcome outcome, @Nullable String error) {
    return new TargetResult(target, outcome, 0, 0, error);
  }
}
