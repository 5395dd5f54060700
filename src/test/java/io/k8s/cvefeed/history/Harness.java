package io.k8s.cvefeed.history;

import io.k8s.cvefeed.extract.Extraction;
import io.k8s.cvefeed.github.FetchResult;
import io.k8s.cvefeed.github.RawIssue;
import io.k8s.cvefeed.github.SourceException;
import io.k8s.cvefeed.model.Advisory;
import io.k8s.cvefeed.model.Feed;
import io.k8s.cvefeed.refresh.RefreshListener;
import io.k8s.cvefeed.refresh.RefreshReport;
import io.k8s.cvefeed.refresh.Refresher;
import io.k8s.cvefeed.render.Artifact;
import io.k8s.cvefeed.render.JsonFeedRenderer;
import io.k8s.cvefeed.render.MediaTypes;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A real {@link Refresher} over advisories the test sets, publishing {@code official-cve-feed.json}
 * (with {@code _cvefeed}) to a memory target, with the change history.
 */
final class Harness {
  final HistoryFixtures.MemoryPublisher target = new HistoryFixtures.MemoryPublisher();
  final ChangeHistory history;
  private final List<Advisory> advisories = new ArrayList<>();
  private final List<RefreshListener> listeners = new ArrayList<>();
  private Instant now = HistoryFixtures.T0;

  Harness() {
    this(ChangeHistory.MAX_EVENTS);
  }

  Harness(int maxEvents) {
    this.history = new ChangeHistory(maxEvents, HistoryFixtures::feedJson);
  }

  Harness listener(RefreshListener listener) {
    listeners.add(listener);
    return this;
  }

  /** Sets the feed's advisories and refreshes one hour after the previous refresh. */
  RefreshReport refresh(Advisory... feed) throws SourceException, InterruptedException {
    advisories.clear();
    advisories.addAll(List.of(feed));
    now = now.plusSeconds(3600);
    Map<Long, Advisory> byNumber = new HashMap<>();
    List<RawIssue> issues = new ArrayList<>();
    for (Advisory a : advisories) {
      byNumber.put(a.issueNumber(), a);
      issues.add(
          new RawIssue(
              a.issueNumber(),
              "t",
              "",
              "open",
              null,
              a.url(),
              a.published(),
              a.updated(),
              null,
              List.of(),
              null));
    }
    Refresher.Builder b =
        Refresher.builder()
            .source(() -> new FetchResult(issues, 1, 1, 0, null))
            .extractor(i -> new Extraction(byNumber.get(i.number()), List.of()))
            .renderer(Harness::render)
            .publishers(List.of(target))
            .clock(Clock.fixed(now, ZoneOffset.UTC))
            .allowShrink(true)
            .extras(history);
    listeners.forEach(b::listener);
    return b.build().refresh();
  }

  Instant now() {
    return now;
  }

  String file(String path) {
    byte[] b = target.files.get(path);
    return b == null ? "" : new String(b, StandardCharsets.UTF_8);
  }

  List<ChangeEvent> events() {
    return ChangeLog.parse(target.files.get(ChangeLog.PATH), "test");
  }

  private static List<Artifact> render(Feed feed) {
    return List.of(
        new Artifact(JsonFeedRenderer.PATH, MediaTypes.JSON_FEED, HistoryFixtures.feedJson(feed)));
  }
}
