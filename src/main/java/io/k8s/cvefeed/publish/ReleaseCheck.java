package io.k8s.cvefeed.publish;

import io.k8s.cvefeed.files.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Checks a published directory against its manifest as a reader would find it: every listed file
 * reachable from {@code DIR} and holding its SHA-256. A file hashed before keeps its (size,
 * modification time, inode) in {@code .releases/.ID.checked} and is hashed again only when those
 * change, as git's index does: an unchanged refresh of a 30,000-file release then costs a stat a
 * file, not a read.
 */
final class ReleaseCheck {
  private ReleaseCheck() {}

  /**
   * @param dir the published directory
   * @param root the release directory the manifest came from ({@code dir} when flat)
   */
  static List<Damage> check(Path dir, Path root, Manifest published) throws IOException {
    Path stamp =
        root.equals(dir) ? null : root.resolveSibling("." + root.getFileName() + ".checked");
    Map<String, String> known = stamp == null ? Map.of() : read(stamp);
    Map<String, String> seen = new ConcurrentHashMap<>();
    List<Map.Entry<String, Manifest.FileEntry>> entries =
        new ArrayList<>(published.files().entrySet());
    List<Damage> damage =
        entries.parallelStream()
            .map(e -> problem(dir, root, e.getKey(), e.getValue(), known, seen))
            .filter(Objects::nonNull)
            .map(Objects::requireNonNull)
            .sorted((a, b) -> a.path().compareTo(b.path()))
            .toList();
    if (stamp != null && damage.isEmpty() && !seen.equals(known)) {
      StringBuilder text = new StringBuilder();
      new TreeMap<>(seen).forEach((p, k) -> text.append(p).append('\t').append(k).append('\n'));
      try {
        AtomicFile.write(stamp, text.toString().getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        // the next check hashes again
      }
    }
    return damage;
  }

  private static Map<String, String> read(Path stamp) {
    Map<String, String> known = new TreeMap<>();
    try {
      for (String line : Files.readAllLines(stamp, StandardCharsets.UTF_8)) {
        int tab = line.indexOf('\t');
        if (tab > 0) {
          known.put(line.substring(0, tab), line.substring(tab + 1));
        }
      }
    } catch (NoSuchFileException e) {
      return known;
    } catch (IOException e) {
      known.clear();
    }
    return known;
  }

  private static @Nullable Damage problem(
      Path dir,
      Path root,
      String path,
      Manifest.FileEntry entry,
      Map<String, String> known,
      Map<String, String> seen) {
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
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      if (a.size() != entry.size()) {
        return new Damage(path, a.size() + " bytes, the manifest says " + entry.size());
      }
      String key = entry.sha256() + " " + a.size() + " " + a.lastModifiedTime() + " " + a.fileKey();
      if (!key.equals(known.get(path)) && !StagedCheck.sha256(file).equals(entry.sha256())) {
        return new Damage(path, "sha256 differs from the manifest");
      }
      seen.put(path, key);
      return null;
    } catch (IOException e) {
      return new Damage(path, "unreadable (" + DirectoryPublisher.describe(e) + ")");
    }
  }
}
