package io.k8s.cvefeed.refresh;

import io.k8s.cvefeed.model.Feed;
import io.k8s.cvefeed.publish.PublishException;
import io.k8s.cvefeed.publish.Publisher;
import io.k8s.cvefeed.render.Artifact;
import java.time.Instant;
import java.util.List;

/**
 * Artifacts derived from a change rather than from the feed alone (e.g. the change history). They
 * are published and listed in the manifest, but left out of the content digest: they change only
 * when the content does. Called once per changed refresh, before any target is written.
 */
@FunctionalInterface
public interface ReleaseExtras {
  /**
   * @param feed the new feed, with {@code updatedAt} set to {@code now}
   * @param rendered the release's rendered artifacts, so that none needs rendering again
   * @param now the time the change was found
   * @param primary the first target, to read what was published before
   */
  List<Artifact> extras(Feed feed, List<Artifact> rendered, Instant now, Publisher primary)
      throws PublishException, InterruptedException;
}
