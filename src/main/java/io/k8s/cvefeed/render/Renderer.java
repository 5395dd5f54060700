package io.k8s.cvefeed.render;

import io.k8s.cvefeed.model.Feed;
import java.util.List;

/** One output format. Pure: the same feed gives the same bytes. */
public interface Renderer {
  List<Artifact> render(Feed feed);

  /**
   * What {@link #render} gives for {@code stamped}, knowing {@code previous}: every artifact
   * rendered for the same feed at another {@link Feed#updatedAt()}. A renderer whose time stamp
   * sits at a known place patches it there instead of rendering again; by default, it renders
   * again.
   */
  default List<Artifact> restamp(Feed stamped, List<Artifact> previous) {
    return render(stamped);
  }
}
