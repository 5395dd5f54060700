package io.k8s.cvefeed.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Checks a published directory against its manifest as a reader would find it: every listed file
 * reachable from {@code DIR} and holding its SHA-256. Hashes on all cores: a release of every
 * format holds some 30,000 files.
 */
final class ReleaseCheck {
  private ReleaseCheck() {}

  /**
   * @param dir the published directory
   * @param root the release directory the manifest came from ({@code dir} when flat)
   */
  static List<Damage> check(Path dir, Path root, Manifest published) throws IOException {
    List<Map.Entry<String, Manifest.FileEntry>> entries =
        new ArrayList<>(published.files().entrySet());
    return entries.parallelStream()
        .map(e -> problem(dir, root, e.getKey(), e.getValue()))
        .filter(Objects::nonNull)
        .map(Objects::requireNonNull)
        .sorted((a, b) -> a.path().compareTo(b.path()))
        .toList();
  }

  private static @Nullable Damage problem(
      Path dir, Path root, String path, Manifest.FileEntry entry) {
    Path file = root.resolve(path);
    try {
      if (!Files.isRegularFile(file)) {
        return new Damage(path, "missing");
      }
      Path visible = dir.resolve(path);
      if (!root.equals(dir)
          && !(Files.isSymbolicLink(visible)
              && Files.readSymbolicLink(visible).equals(ReleaseLayout.linkTarget(dir, path)))) {
        return new Damage(path, "not linked to the current release");
      }
      long size = Files.size(file);
      if (size != entry.size()) {
        return new Damage(path, size + " bytes, the manifest says " + entry.size());
      }
      if (!StagedCheck.sha256(file).equals(entry.sha256())) {
        return new Damage(path, "sha256 differs from the manifest");
      }
      return null;
    } catch (IOException e) {
      return new Damage(path, "unreadable (" + DirectoryPublisher.describe(e) + ")");
    }
  }
}
