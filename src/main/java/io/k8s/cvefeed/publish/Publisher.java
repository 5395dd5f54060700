package io.k8s.cvefeed.publish;

import java.util.List;
import java.util.Set;
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
   * Publishes {@code release} like {@link #publish(Release, Manifest)}, also rewriting the paths in
   * {@code rewrite} that {@link #damage(Manifest)} reported ({@link Damage#WHOLE_TARGET}: every
   * path), even when {@code previous} lists them with the same SHA-256 or the digest is unchanged.
   * Targets without a self-check ignore {@code rewrite}.
   */
  default PublishResult publish(Release release, @Nullable Manifest previous, Set<String> rewrite)
      throws PublishException, InterruptedException {
    return publish(release, previous);
  }

  /**
   * How the target differs from {@code published}, the manifest it holds: a listed file missing or
   * holding another SHA-256, or a target that cannot switch releases atomically. Compares what the
   * target stores (file hashes, a bucket listing's hashes), never downloads the files. Empty when
   * the target holds the whole release; targets that keep their own integrity (git) always return
   * empty.
   */
  default List<Damage> damage(Manifest published) throws PublishException, InterruptedException {
    return List.of();
  }

  /**
   * Reads one published file, e.g. the previous {@code changes.json}, or returns {@code null} when
   * there is none. Targets that cannot read back return {@code null}.
   */
  default byte @Nullable [] read(String path) throws PublishException, InterruptedException {
    return null;
  }
}
