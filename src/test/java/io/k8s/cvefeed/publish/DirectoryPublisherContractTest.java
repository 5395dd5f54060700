package io.k8s.cvefeed.publish;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;

/** {@link DirectoryPublisher} under the {@link PublisherContract}. */
class DirectoryPublisherContractTest extends PublisherContract {
  @TempDir Path dir;
  private Map<String, String> seen = new HashMap<>();
  private int writes;
  private final FailingOps ops = new FailingOps();

  @Override
  protected Publisher newPublisher() {
    return new DirectoryPublisher(dir, ops);
  }

  @Override
  protected Map<String, byte[]> stored() throws Exception {
    Map<String, byte[]> files = new TreeMap<>();
    for (Path p : files()) {
      files.put(dir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
    }
    return files;
  }

  /** Files created, replaced (a rename gives a new file key) or deleted since the last call. */
  @Override
  protected int writes() throws Exception {
    Map<String, String> now = new HashMap<>();
    for (Path p : files()) {
      BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
      now.put(p.toString(), a.fileKey() + "@" + a.lastModifiedTime());
    }
    Set<String> paths = new HashSet<>(now.keySet());
    paths.addAll(seen.keySet());
    for (String p : paths) {
      if (!Objects.equals(now.get(p), seen.get(p))) {
        writes++;
      }
    }
    seen = now;
    return writes;
  }

  /** Fails every write of {@code path} into a staged release. */
  @Override
  protected void failWritesOf(String path) {
    ops.failWritesOf(path);
  }

  @Override
  protected void restoreWrites() {
    ops.restore();
  }

  /** Fails the {@code n}th file-system step of the next publish (1-based), as a full disk would. */
  @Override
  protected void failNthWrite(int n) {
    ops.failStep(n);
  }

  private List<Path> files() throws Exception {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> !dir.relativize(p).toString().startsWith("."))
          .filter(p -> !dir.relativize(p).toString().contains("/."))
          .sorted()
          .toList();
    }
  }
}
