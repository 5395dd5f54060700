package io.k8s.cvefeed.integrity;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/** A {@link ProvenanceCache} in a map: one entry per issue, the latest {@code updated_at} wins. */
final class MemoryProvenanceCache implements ProvenanceCache {
  private record Entry(Instant updatedAt, Found found) {}

  private final Map<Long, Entry> entries = new ConcurrentHashMap<>();

  @Override
  public @Nullable Found get(long issue, Instant updatedAt) {
    Entry e = entries.get(issue);
    return e != null && e.updatedAt().equals(updatedAt) ? e.found() : null;
  }

  @Override
  public void put(long issue, Instant updatedAt, Found found) {
    entries.put(issue, new Entry(updatedAt, found));
  }
}
