package io.k8s.cvefeed.render;

import io.k8s.cvefeed.model.CveId;
import io.k8s.cvefeed.model.Feed;
import io.k8s.cvefeed.model.FeedItem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The items every format renders. */
final class Items {
  private Items() {}

  /**
   * {@link Feed#items()} with each CVE id once: when two issues name the same id, the newest issue
   * (the first in feed order) wins. Every format then has one entry, one guid and one OSV file per
   * id; reporting the duplicate is the extractor's job.
   */
  static List<FeedItem> of(Feed feed) {
    List<FeedItem> items = feed.items();
    Set<CveId> seen = new HashSet<>();
    List<FeedItem> out = new ArrayList<>(items.size());
    for (FeedItem item : items) {
      if (seen.add(item.id())) {
        out.add(item);
      }
    }
    return out;
  }
}
