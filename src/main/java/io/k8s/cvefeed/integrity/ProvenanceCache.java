package io.k8s.cvefeed.integrity;

import java.nio.file.Path;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Remembers who applied the feed label per issue, keyed by issue number and {@code updated_at}:
 * adding or removing a label bumps {@code updated_at}, so an unchanged {@code updated_at} means the
 * events have nothing new and need not be fetched again. Implementations never throw for a missing
 * or unreadable entry, and are thread-safe.
 */
public interface ProvenanceCache {
  /**
   * What was found for one issue.
   *
   * @param login who applied the label, or {@code null} when no event applied it
   * @param at when, or {@code null} with {@code login}
   */
  record Found(@Nullable String login, @Nullable Instant at) {
    static final Found NOTHING = new Found(null, null);
  }

  /** The entry for {@code issue} if it was stored for this very {@code updatedAt}. */
  @Nullable Found get(long issue, Instant updatedAt);

  void put(long issue, Instant updatedAt, Found found);

  /** A cache in memory, for a long-running service. */
  static ProvenanceCache inMemory() {
    return new MemoryProvenanceCache();
  }

  /** A cache in {@code dir}, one small file per issue, for the CLI. */
  static ProvenanceCache directory(Path dir) {
    return new DirectoryProvenanceCache(dir);
  }
}
