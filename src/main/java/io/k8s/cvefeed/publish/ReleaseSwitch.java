package io.k8s.cvefeed.publish;

import io.k8s.cvefeed.render.Artifact;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Stages one release in {@code DIR/.releases/ID.staging}, checks it, and switches it in: the steps
 * of {@link DirectoryPublisher#publish}, in order. Nothing a reader sees changes before {@link
 * #switchIn}, which is one {@code rename(2)} of the {@code .current} link.
 */
final class ReleaseSwitch {
  private final Path dir;
  private final FileOps ops;
  private final Path releases;

  ReleaseSwitch(Path dir, FileOps ops) {
    this.dir = dir;
    this.ops = ops;
    this.releases = dir.resolve(ReleaseLayout.RELEASES);
  }

  /** Removes staging directories an interrupted publish left behind. Needs the directory lock. */
  void removeLeftovers() throws IOException {
    if (!Files.isDirectory(releases)) {
      return;
    }
    try (Stream<Path> list = Files.list(releases)) {
      for (Path p : list.toList()) {
        if (String.valueOf(p.getFileName()).endsWith(ReleaseLayout.STAGING_SUFFIX)) {
          deleteTree(p);
        }
      }
    }
  }

  /** Where the release {@code id} is staged. */
  Path stagingOf(String id) {
    return releases.resolve(id + ReleaseLayout.STAGING_SUFFIX);
  }

  /** Deletes a failed staging directory; one left behind goes with the next run. */
  static void deleteQuietly(Path staging) {
    try {
      deleteTree(staging);
    } catch (IOException e) {
      // removed by the next run's removeLeftovers
    }
  }

  /**
   * Writes every file of {@code files} into a new staging directory and forces it to disk. A file
   * the current release holds with the same SHA-256 is hard-linked instead of written, unless
   * {@code rewrite} names it.
   *
   * <p>The caller deletes the staging directory on failure.
   */
  void stage(
      Path staging,
      List<Artifact> files,
      @Nullable Path current,
      @Nullable Manifest previous,
      Set<String> rewrite,
      int[] written)
      throws IOException {
    ops.createDirectory(releases);
    deleteTree(staging);
    Set<Path> dirs = new TreeSet<>();
    ops.createDirectory(staging);
    dirs.add(staging);
    List<Artifact> toWrite = new ArrayList<>();
    for (Artifact a : files) {
      Path file = staging.resolve(a.path());
      Path parent = Objects.requireNonNull(file.getParent());
      if (dirs.add(parent)) {
        ops.createDirectory(parent);
      }
      Path old = reusable(a, current, previous, rewrite);
      if (old != null) {
        ops.link(file, old);
      } else {
        toWrite.add(a);
      }
    }
    for (Artifact a : toWrite) {
      ops.write(staging.resolve(a.path()), a);
    }
    written[0] += toWrite.size();
    ops.force(staging, toWrite.stream().map(a -> staging.resolve(a.path())).toList());
    for (Path d : dirs) {
      ops.syncDirectory(d);
    }
  }

  private static @Nullable Path reusable(
      Artifact a, @Nullable Path current, @Nullable Manifest previous, Set<String> rewrite) {
    if (current == null || previous == null || rewrite.contains(a.path())) {
      return null;
    }
    Manifest.FileEntry entry = previous.files().get(a.path());
    boolean same =
        a.path().equals(Manifest.PATH) || a.path().equals(Manifest.SIGNATURE_PATH)
            ? false
            : entry != null && entry.sha256().equals(a.sha256());
    Path old = current.resolve(a.path());
    return same && Files.isRegularFile(old) ? old : null;
  }

  /** Renames the checked staging directory to its release name. */
  Path seal(Path staging, String id) throws IOException {
    Path release = releases.resolve(id);
    ops.rename(staging, release);
    ops.syncDirectory(releases);
    return release;
  }

  /**
   * Makes sure {@code DIR/path} is the link through {@code .current} for each path: links for paths
   * the current release lacks dangle (a reader gets "not found", as before) until the switch.
   */
  void link(Collection<String> paths) throws IOException {
    Set<Path> dirs = new TreeSet<>();
    for (String path : paths) {
      Path visible = dir.resolve(path);
      Path target = ReleaseLayout.linkTarget(dir, path);
      if (Files.isSymbolicLink(visible) && Files.readSymbolicLink(visible).equals(target)) {
        continue;
      }
      Path parent = Objects.requireNonNull(visible.getParent());
      if (!Files.isDirectory(parent)) {
        ops.createDirectory(parent);
      }
      Path tmp = parent.resolve("." + visible.getFileName() + ".link");
      ops.delete(tmp);
      ops.symlink(tmp, target);
      ops.rename(tmp, visible);
      dirs.add(parent);
    }
    for (Path d : dirs) {
      ops.syncDirectory(d);
    }
  }

  /** Points {@code .current} at {@code release} in one {@code rename(2)}: the switch. */
  void switchIn(Path release) throws IOException {
    Path next = dir.resolve(ReleaseLayout.CURRENT + ".next");
    ops.delete(next);
    ops.symlink(next, dir.relativize(release));
    ops.rename(next, dir.resolve(ReleaseLayout.CURRENT));
    ops.syncDirectory(dir);
  }

  /** Removes the visible links of paths that left the release (they dangle now). */
  void unlink(Collection<String> paths) throws IOException {
    for (String path : paths) {
      Path visible = dir.resolve(path);
      if (Files.isSymbolicLink(visible)) {
        ops.delete(visible);
        removeEmptyParents(visible);
      }
    }
  }

  private void removeEmptyParents(Path file) throws IOException {
    Path parent = file.getParent();
    while (parent != null && !parent.equals(dir) && parent.startsWith(dir)) {
      try (Stream<Path> list = Files.list(parent)) {
        if (list.findAny().isPresent()) {
          return;
        }
      }
      ops.delete(parent);
      parent = parent.getParent();
    }
  }

  /** Deletes every release but {@code keep} (the current and the previous one). */
  void prune(Set<Path> keep) throws IOException {
    try (Stream<Path> list = Files.list(releases)) {
      for (Path p : list.toList()) {
        if (!keep.contains(p.normalize())) {
          deleteTree(p);
        }
      }
    }
  }

  /** A release directory name not yet taken: {@code 20260102T030405Z-1a2b3c4d5e6f}. */
  String newId(Manifest manifest) {
    String time =
        manifest.updatedAt().toString().replace("-", "").replace(":", "").replace(".", "");
    String hex = manifest.digest().replace("sha256:", "");
    String base = time + "-" + hex.substring(0, Math.min(12, hex.length()));
    String id = base;
    for (int n = 2; Files.exists(releases.resolve(id)); n++) {
      id = base + "-" + n;
    }
    return id;
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    List<Path> all = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      walk.forEach(all::add);
    }
    all.sort(Comparator.reverseOrder());
    for (Path p : all) {
      Files.deleteIfExists(p);
    }
  }
}
