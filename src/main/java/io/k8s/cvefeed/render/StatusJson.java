package io.k8s.cvefeed.render;

import java.time.Duration;
import java.time.Instant;

/**
 * {@code status.json}: when the feed was last checked against GitHub. The feed files change only
 * when their content does, so none of them can say "still fresh"; this small file can. Whoever runs
 * refreshes (the {@code serve} loop, a cron job) writes it after every <em>successful</em> refresh,
 * published or unchanged, and never after a failed one, so an old {@code checked_at} means the feed
 * may be stale. {@code index.html}'s script reads it and shows "Last checked", warning when it is
 * older than {@code stale_after_seconds}. It is not a rendered format: it depends on the run time,
 * so it is not in {@link Renderers#all()} nor in the manifest digest.
 *
 * <pre>{"schema":1,"checked_at":"2024-07-01T14:00:00Z","updated_at":"2024-07-01T12:00:00Z",
 * "stale_after_seconds":21600}</pre>
 */
public final class StatusJson {
  public static final String PATH = "status.json";

  private StatusJson() {}

  /**
   * The status file.
   *
   * @param checkedAt when the last successful refresh finished
   * @param updatedAt when the feed content last changed ({@code Feed.updatedAt()})
   * @param staleAfter how old {@code checkedAt} may get before readers are warned
   */
  public static Artifact of(Instant checkedAt, Instant updatedAt, Duration staleAfter) {
    return Json.compact(
        PATH,
        MediaTypes.JSON,
        256,
        g -> {
          g.writeStartObject();
          g.writeNumberProperty("schema", 1);
          g.writeStringProperty("checked_at", Json.timestamp(checkedAt));
          g.writeStringProperty("updated_at", Json.timestamp(updatedAt));
          g.writeNumberProperty("stale_after_seconds", staleAfter.toSeconds());
          g.writeEndObject();
        });
  }
}
