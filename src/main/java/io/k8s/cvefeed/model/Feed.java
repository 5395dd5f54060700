package io.k8s.cvefeed.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The whole feed: advisories plus envelope. Rendering is a pure function of this value.
 *
 * @param info the envelope texts
 * @param advisories the advisories, in any order
 * @param updatedAt when the content last changed (never simply the time of a run)
 */
public record Feed(FeedInfo info, List<Advisory> advisories, Instant updatedAt) {
  private static final Comparator<FeedItem> ITEM_ORDER =
      Comparator.comparing((FeedItem i) -> i.advisory().published())
          .reversed()
          .thenComparing(
              Comparator.comparingLong((FeedItem i) -> i.advisory().issueNumber()).reversed())
          .thenComparing(FeedItem::id);

  public Feed {
    advisories = List.copyOf(advisories);
  }

  /** One item per CVE id: newest issue first, then by id. Same input, same order. */
  public List<FeedItem> items() {
    List<FeedItem> items = new ArrayList<>();
    for (Advisory a : advisories) {
      for (CveId id : a.ids()) {
        items.add(new FeedItem(id, a));
      }
    }
    items.sort(ITEM_ORDER);
    return List.copyOf(items);
  }

  public Feed withUpdatedAt(Instant instant) {
    return new Feed(info, advisories, instant);
  }
}
