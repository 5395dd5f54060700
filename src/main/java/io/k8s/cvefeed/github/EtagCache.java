package io.k8s.cvefeed.github;

import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the last good answer for each page URL, so a request can carry {@code If-None-Match} and a
 * {@code 304 Not Modified} reuses the stored body (and costs no rate limit). A cache is only an
 * optimisation: implementations never throw for a missing, unreadable or corrupt entry.
 * Implementations must be thread-safe.
 */
public interface EtagCache {
  /**
   * One cached answer.
   *
   * @param etag the {@code ETag} header, sent back as {@code If-None-Match}
   * @param link the {@code Link} header, or {@code null} when the answer had none
   * @param body the decoded body, valid JSON; callers must not modify it
   */
  @SuppressWarnings("ArrayRecordComponent")
  record Entry(String etag, @Nullable String link, byte[] body) {}

  /** The stored answer for {@code uri}, or {@code null} when there is none or it is unusable. */
  @Nullable Entry get(URI uri);

  /** Stores {@code entry} for {@code uri}, replacing any older one. */
  void put(URI uri, Entry entry);

  /** Forgets {@code uri}, e.g. when its body turned out unusable. */
  void remove(URI uri);

  /** A cache that stores nothing: every request is unconditional. */
  static EtagCache none() {
    return new EtagCache() {
      @Override
      public @Nullable Entry get(URI uri) {
        return null;
      }

      @Override
      public void put(URI uri, Entry entry) {}

      @Override
      public void remove(URI uri) {}
    };
  }
}
