package io.k8s.cvefeed.github;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An {@link EtagCache} in memory, for the long-running service. Holds at most a fixed number of
 * entries and forgets the least recently used first.
 */
public final class MemoryEtagCache implements EtagCache {
  /** Enough for a 100-page listing plus the events pages of a few thousand issues. */
  public static final int DEFAULT_MAX_ENTRIES = 10_000;

  private final Map<String, Entry> entries;

  public MemoryEtagCache() {
    this(DEFAULT_MAX_ENTRIES);
  }

  public MemoryEtagCache(int maxEntries) {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries: must be at least 1, got " + maxEntries);
    }
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > maxEntries;
          }
        };
  }

  @Override
  public synchronized @Nullable Entry get(URI uri) {
    return entries.get(uri.toString());
  }

  @Override
  public synchronized void put(URI uri, Entry entry) {
    entries.put(uri.toString(), entry);
  }

  @Override
  public synchronized void remove(URI uri) {
    entries.remove(uri.toString());
  }

  /** How many entries are held. */
  public synchronized int size() {
    return entries.size();
  }
}
