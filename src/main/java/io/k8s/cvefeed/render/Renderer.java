package io.k8s.cvefeed.render;

import io.k8s.cvefeed.model.Feed;
import java.util.List;

/** One output format. Pure: the same feed gives the same bytes. */
public interface Renderer {
  List<Artifact> render(Feed feed);
}
