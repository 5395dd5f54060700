package io.k8s.cvefeed.refresh;

import io.k8s.cvefeed.model.Feed;
import io.k8s.cvefeed.render.Artifact;
import java.util.List;

/**
 * Renders the formats a refresh publishes, {@code manifest.json} excepted, in two parts: the
 * artifacts whose bytes depend on the feed's time and those whose bytes do not.
 */
@FunctionalInterface
public interface FeedRenderer {
  /** The artifacts whose bytes depend on {@link Feed#updatedAt()}. Pure. */
  List<Artifact> renderStamped(Feed feed);

  /**
   * Every other artifact: the same bytes whatever the feed's time, so a release reuses them from
   * the content's rendering. By default, none.
   */
  default List<Artifact> renderTimeless(Feed feed) {
    return List.of();
  }
}
