package io.k8s.cvefeed.refresh;

import io.k8s.cvefeed.model.Feed;
import io.k8s.cvefeed.render.Artifact;
import java.util.List;

/** Renders the formats a refresh publishes, {@code manifest.json} excepted. */
@FunctionalInterface
public interface FeedRenderer {
  /** Every artifact of {@code feed}. Pure: the same feed gives the same bytes. */
  List<Artifact> render(Feed feed);

  /**
   * The artifacts whose bytes depend on {@link Feed#updatedAt()}; a release takes every other
   * artifact from {@link #render} of the same feed at another time. By default, all of them.
   */
  default List<Artifact> renderStamped(Feed feed) {
    return render(feed);
  }
}
