package io.k8s.cvefeed.publish;

import org.jspecify.annotations.Nullable;

/** A place the feed is published to. Implementations: technology + role ({@code GcsPublisher}). */
public interface Publisher {
  /** The target as a URI, for messages: {@code file:///srv/feed}, {@code gs://bucket/prefix}. */
  String target();

  /** The manifest published there now, or {@code null} when nothing has been published yet. */
  @Nullable Manifest published() throws PublishException, InterruptedException;

  /**
   * Writes a release: changed artifacts first, {@code manifest.json} last, then removes artifacts
   * {@code previous} listed that the release no longer has. On failure the previously published
   * manifest still describes a complete set.
   *
   * @param previous the manifest {@link #published()} returned, {@code null} for a first publish
   */
  PublishResult publish(Release release, @Nullable Manifest previous)
      throws PublishException, InterruptedException;

  /**
   * Reads one published file, e.g. the previous {@code changes.json}, or returns {@code null} when
   * there is none. Targets that cannot read back return {@code null}.
   */
  default byte @Nullable [] read(String path) throws PublishException, InterruptedException {
    return null;
  }
}
