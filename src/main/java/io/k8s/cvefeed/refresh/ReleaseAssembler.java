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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Builds the release of a snapshot once, when the first changed target needs it: its {@code
 * updated_at} is the time the content was found changed. Only the time-stamped formats are rendered
 * again; every other artifact is the snapshot's own.
 */
final class ReleaseAssembler {
  private final Snapshot snapshot;
  private final FeedRenderer renderer;
  private final Clock clock;
  private final @Nullable ReleaseExtras extras;
  private final @Nullable ManifestSigner signer;
  private @Nullable Release value;

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
   * The release, assembled on the first call.
   *
   * @param first the target that asks first, where extras read what was published before
   */
  Release get(Publisher first) throws PublishException, InterruptedException {
    Release r = value;
    if (r == null) {
      r = assemble(first);
      value = r;
    }
    return r;
  }

  private Release assemble(Publisher first) throws PublishException, InterruptedException {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Feed stamped = snapshot.feed().withUpdatedAt(now);
    Map<String, Artifact> byPath = new LinkedHashMap<>();
    snapshot.rendered().forEach(a -> byPath.put(a.path(), a));
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
