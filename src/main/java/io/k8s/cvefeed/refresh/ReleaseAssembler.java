package io.k8s.cvefeed.refresh;

import io.k8s.cvefeed.model.Feed;
import io.k8s.cvefeed.publish.Manifest;
import io.k8s.cvefeed.publish.PublishException;
import io.k8s.cvefeed.publish.Publisher;
import io.k8s.cvefeed.publish.Release;
import io.k8s.cvefeed.render.Artifact;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Builds the release of a snapshot once, when the first changed target needs it: its {@code
 * updated_at} is the time the content was found changed. Only the time-stamped formats are rendered
 * again; every other artifact is the snapshot's own. A repair asks for the release at the time its
 * target's manifest holds, so that the bytes written again are the bytes published before.
 */
final class ReleaseAssembler {
  private final Snapshot snapshot;
  private final FeedRenderer renderer;
  private final Clock clock;
  private final @Nullable ReleaseExtras extras;
  private final @Nullable ManifestSigner signer;
  private final Map<Instant, Release> byTime = new HashMap<>();
  private @Nullable Instant now;

  ReleaseAssembler(
      Snapshot snapshot,
      FeedRenderer renderer,
      Clock clock,
      @Nullable ReleaseExtras extras,
      @Nullable ManifestSigner signer) {
    this.snapshot = snapshot;
    this.renderer = renderer;
    this.clock = clock;
    this.extras = extras;
    this.signer = signer;
  }

  /**
   * The release stamped {@code updatedAt}, or the time of the first call when {@code null};
   * assembled once per time.
   *
   * @param first the target that asks first, where extras read what was published before
   */
  Release get(Publisher first, @Nullable Instant updatedAt)
      throws PublishException, InterruptedException {
    Instant at = updatedAt;
    if (at == null) {
      at = now;
      if (at == null) {
        at = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        now = at;
      }
    }
    Release r = byTime.get(at);
    if (r == null) {
      r = assemble(first, at);
      byTime.put(at, r);
    }
    return r;
  }

  private Release assemble(Publisher first, Instant now)
      throws PublishException, InterruptedException {
    Feed stamped = snapshot.feed().withUpdatedAt(now);
    Map<String, Artifact> byPath = new LinkedHashMap<>();
    snapshot.timeless().forEach(a -> byPath.put(a.path(), a));
    renderer.renderStamped(stamped).forEach(a -> byPath.put(a.path(), a));
    List<Artifact> artifacts = new ArrayList<>(byPath.values());
    if (extras != null) {
      artifacts.addAll(extras.extras(stamped, List.copyOf(artifacts), now, first));
    }
    artifacts.sort(Comparator.comparing(Artifact::path));
    Manifest manifest = Manifest.of(snapshot.digest(), now, snapshot.items(), artifacts);
    if (signer != null) {
      artifacts.add(signer.sign(manifest.toArtifact()));
    }
    return new Release(artifacts, manifest);
  }
}
