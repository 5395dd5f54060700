package io.k8s.cvefeed.publish;

import io.k8s.cvefeed.files.PublishedDirectory;
import java.io.IOException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Where a published directory keeps its releases (ADR 009):
 *
 * <pre>
 * DIR/.releases/20260102T030405Z-1a2b3c4d5e6f/   one directory a release, never changed
 * DIR/.current -> .releases/20260102T030405Z-…   the release readers see, swapped by rename(2)
 * DIR/manifest.json -> .current/manifest.json    every published path, as a link through .current
 * DIR/osv/CVE-….json -> ../.current/osv/CVE-….json
 * </pre>
 *
 * A directory written before releases existed holds the files themselves ("flat").
 */
public final class ReleaseLayout {
  static final String RELEASES = ".releases";
  static final String CURRENT = PublishedDirectory.CURRENT;
  static final String STAGING_SUFFIX = ".staging";

  private ReleaseLayout() {}

  /**
   * The directory of the release {@code dir} serves now: {@code DIR/.releases/ID} (resolved once,
   * so that every file read from it belongs to one release), or {@code dir} itself for a flat
   * directory.
   */
  public static Path currentRoot(Path dir) throws IOException {
    return PublishedDirectory.currentRoot(dir);
  }

  /** The current release directory, or {@code null} when {@code dir} is flat or empty. */
  static @Nullable Path currentRelease(Path dir) throws IOException {
    return PublishedDirectory.currentRelease(dir);
  }

  /** The name of the release {@code dir} serves now, or {@code null} when it is flat or empty. */
  public static @Nullable String currentName(Path dir) throws IOException {
    Path release = currentRelease(dir);
    return release == null || release.getFileName() == null
        ? null
        : release.getFileName().toString();
  }

  /** What the visible link of {@code path} holds: {@code ../.current/osv/X.json} for depth 1. */
  static Path linkTarget(Path dir, String path) {
    int depth = path.split("/", -1).length - 1;
    return dir.getFileSystem().getPath("../".repeat(depth) + CURRENT + "/" + path);
  }
}
