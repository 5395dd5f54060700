package io.k8s.cvefeed.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Moves a directory written before release directories existed ("flat": the files themselves in
 * {@code DIR}) to the release layout without a reader seeing a gap or a change: the files it holds
 * now become a release by hard links, {@code .current} points at it, and each file is replaced by
 * its link, whose content is the same bytes. Only then does the new release get switched in.
 */
final class FlatMigration {
  private FlatMigration() {}

  /** Returns the release directory holding the directory's current files. */
  static Path migrate(Path dir, Manifest flat, FileOps ops, ReleaseSwitch sw) throws IOException {
    List<String> paths = new ArrayList<>();
    for (String p : flat.files().keySet()) {
      if (Files.isRegularFile(dir.resolve(p), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        paths.add(p);
      }
    }
    paths.add(Manifest.PATH);
    if (Files.isRegularFile(dir.resolve(Manifest.SIGNATURE_PATH))) {
      paths.add(Manifest.SIGNATURE_PATH);
    }
    String id = "flat-" + Instant.now().getEpochSecond();
    Path releases = dir.resolve(ReleaseLayout.RELEASES);
    ops.createDirectory(releases);
    Path staging = releases.resolve(id + ReleaseLayout.STAGING_SUFFIX);
    ReleaseSwitch.deleteTree(staging);
    Path release;
    try {
      release = stage(dir, paths, staging, ops);
      release = sw.seal(staging, id);
    } catch (IOException | RuntimeException e) {
      ReleaseSwitch.deleteQuietly(staging);
      throw e;
    }
    sw.switchIn(release);
    sw.link(paths);
    return release;
  }

  private static Path stage(Path dir, List<String> paths, Path staging, FileOps ops)
      throws IOException {
    Set<Path> dirs = new TreeSet<>();
    ops.createDirectory(staging);
    dirs.add(staging);
    for (String p : paths) {
      Path copy = staging.resolve(p);
      Path parent = Objects.requireNonNull(copy.getParent());
      if (dirs.add(parent)) {
        ops.createDirectory(parent);
      }
      ops.link(copy, dir.resolve(p));
    }
    for (Path d : dirs) {
      ops.syncDirectory(d);
    }
    return staging;
  }
}
