package io.k8s.cvefeed.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotLinkException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * How a reader finds one whole release in a published directory (ADR 009): {@code DIR/.current}
 * links to the release's own directory; resolving it once and reading every file from there gives
 * files of one release, even while the publisher switches to the next.
 */
public final class PublishedDirectory {
  /** The link to the current release, relative to the published directory. */
  public static final String CURRENT = ".current";

  private PublishedDirectory() {}

  /**
   * The directory holding the release {@code dir} publishes now, or {@code null} when {@code dir}
   * has no release link (nothing published, or written before release directories: "flat").
   */
  public static @Nullable Path currentRelease(Path dir) throws IOException {
    try {
      return dir.resolve(Files.readSymbolicLink(dir.resolve(CURRENT))).normalize();
    } catch (NoSuchFileException | NotLinkException e) {
      return null;
    }
  }

  /** {@link #currentRelease(Path)}, or {@code dir} itself when it is flat. */
  public static Path currentRoot(Path dir) throws IOException {
    Path release = currentRelease(dir);
    return release == null ? dir : release;
  }
}
