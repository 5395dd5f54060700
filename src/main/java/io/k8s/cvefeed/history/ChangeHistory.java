package io.k8s.cvefeed.history;

import io.k8s.cvefeed.model.Feed;
import io.k8s.cvefeed.publish.PublishException;
import io.k8s.cvefeed.publish.Publisher;
import io.k8s.cvefeed.refresh.ReleaseExtras;
import io.k8s.cvefeed.render.Artifact;
import io.k8s.cvefeed.render.JsonFeedRenderer;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Writes {@code changes.json} and {@code changes.xml} with each changed release: the previous
 * history from the primary target, plus the events between the previously published {@code
 * official-cve-feed.json} and the new one. The first publish (no previous feed) records one {@link
 * ChangeEvent.Kind#INITIAL} event, not one {@code added} per CVE: a subscriber learns that the feed
 * started, and is not told that 70 old CVEs are new. The events of the latest call wait in {@link
 * #takePending()} for the notifier.
 */
public final class ChangeHistory implements ReleaseExtras {
  public static final String JSON_PATH = ChangeLog.PATH;
  public static final String ATOM_PATH = AtomChanges.PATH;
  public static final int MAX_EVENTS = 1000;
  static final String TITLE_SUFFIX = ": changes";

  private final int maxEvents;
  private final Function<Feed, byte[]> feedJson;
  private final AtomicReference<@Nullable Pending> pending = new AtomicReference<>();

  /**
   * The events one release added, not yet notified.
   *
   * @param target the target the history was read from; notify only once it is published
   * @param events the new events, newest first
   */
  public record Pending(String target, List<ChangeEvent> events) {
    public Pending {
      events = List.copyOf(events);
    }
  }

  public ChangeHistory() {
    this(MAX_EVENTS, feed -> new JsonFeedRenderer().render(feed).get(0).bytes());
  }

  /**
   * @param maxEvents how many events the history keeps
   * @param feedJson renders {@code official-cve-feed.json} as the refresh publishes it
   */
  ChangeHistory(int maxEvents, Function<Feed, byte[]> feedJson) {
    this.maxEvents = maxEvents;
    this.feedJson = feedJson;
  }

  @Override
  public List<Artifact> extras(Feed feed, List<Artifact> rendered, Instant now, Publisher primary)
      throws PublishException, InterruptedException {
    byte[] previousFeed = primary.read(JsonFeedRenderer.PATH);
    byte[] previousLog = primary.read(ChangeLog.PATH);
    // A first publish needs only the item count: skip rendering and parsing the new feed.
    List<ChangeEvent> fresh =
        previousFeed == null
            ? List.of(initial(now, feed.items().size()))
            : ChangeDiff.between(
                parse(
                    () ->
                        ItemState.parseFeed(previousFeed, subject(primary, JsonFeedRenderer.PATH))),
                ItemState.parseFeed(newFeedJson(feed, rendered), "the new feed"),
                now);
    List<ChangeEvent> older =
        previousLog == null
            ? List.of()
            : parse(() -> ChangeLog.parse(previousLog, subject(primary, ChangeLog.PATH)));
    List<ChangeEvent> all = merge(fresh, older);
    pending.set(new Pending(primary.target(), fresh));
    String title = feed.info().title() + TITLE_SUFFIX;
    String feedUrl = feed.info().feedUrl();
    return List.of(
        ChangeLog.write(all, title, feedUrl),
        AtomChanges.write(
            all,
            title,
            resolve(feedUrl, AtomChanges.PATH),
            feed.info().homePageUrl(),
            feed.info().authorName(),
            now));
  }

  /** The release's own {@code official-cve-feed.json}, rendered only when it is not there. */
  private byte[] newFeedJson(Feed feed, List<Artifact> rendered) {
    for (Artifact a : rendered) {
      if (a.path().equals(JsonFeedRenderer.PATH)) {
        return a.bytes();
      }
    }
    return feedJson.apply(feed);
  }

  /** The events of the latest release, once; {@code null} when there are none waiting. */
  public @Nullable Pending takePending() {
    return pending.getAndSet(null);
  }

  private List<ChangeEvent> merge(List<ChangeEvent> fresh, List<ChangeEvent> older) {
    List<ChangeEvent> all = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    for (List<ChangeEvent> part : List.of(fresh, older)) {
      for (ChangeEvent e : part) {
        if (all.size() < maxEvents && keys.add(e.key())) {
          all.add(e);
        }
      }
    }
    return all;
  }

  private static ChangeEvent initial(Instant now, int items) {
    return new ChangeEvent(
        now, ChangeEvent.Kind.INITIAL, null, null, null, null, null, null, List.of(), items);
  }

  /** {@code changes.xml} beside the feed URL; the feed URL itself when it cannot be resolved. */
  static String resolve(String feedUrl, String path) {
    try {
      return URI.create(feedUrl).resolve(path).toString();
    } catch (IllegalArgumentException e) {
      return feedUrl;
    }
  }

  private static String subject(Publisher primary, String path) {
    String target = primary.target();
    return target + (target.endsWith("/") ? "" : "/") + path;
  }

  /** A reader of published bytes that rejects them with an {@link IllegalArgumentException}. */
  private interface Reader<T> {
    T read();
  }

  private static <T> T parse(Reader<T> reader) throws PublishException {
    try {
      return reader.read();
    } catch (IllegalArgumentException e) {
      throw new PublishException(
          e.getMessage()
              + "; the change history cannot be continued, remove the file to restart it",
          e);
    }
  }
}
