package io.k8s.cvefeed.publish;

import io.k8s.cvefeed.render.Artifact;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * Publishes into a local directory ({@code file://}), one whole release at a time (ADR 009): the
 * release is staged in {@code DIR/.releases/ID.staging}, forced to disk and checked against what
 * was rendered, then switched in by renaming the {@code DIR/.current} link. Every published path is
 * a link through {@code .current}, so a reader of {@code DIR} sees the old release or the new one,
 * never a mix, whatever happens to the writer. The previous release is kept; older ones are
 * deleted. A lock file serialises writers on the same directory: the second waits, then finds the
 * manifest changed and stops.
 */
public final class DirectoryPublisher implements Publisher {
  static final String LOCK_FILE = ".cvefeed.lock";
  private static final ConcurrentMap<Path, ReentrantLock> WRITERS = new ConcurrentHashMap<>();
  private final Path dir;
  private final FileOps ops;

  public DirectoryPublisher(Path dir) {
    this(dir, FileOps.fromEnvironment());
  }

  DirectoryPublisher(Path dir, FileOps ops) {
    this.dir = dir.toAbsolutePath().normalize();
    this.ops = ops;
  }

  public Path directory() {
    return dir;
  }

  @Override
  public String target() {
    return dir.toUri().toString();
  }

  @Override
  public @Nullable Manifest published() throws PublishException {
    byte[] bytes = read(Manifest.PATH);
    return bytes == null ? null : Manifest.parse(bytes, dir.resolve(Manifest.PATH).toUri() + "");
  }

  @Override
  public byte @Nullable [] read(String path) throws PublishException {
    Path file = dir.resolve(path);
    try {
      return Files.readAllBytes(resolveChecked(ReleaseLayout.currentRoot(dir), path));
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new PublishException(file.toUri() + ": cannot read (" + describe(e) + ")", e);
    }
  }

  /**
   * Checks every file {@code published} lists: reachable from {@code DIR}, in the current release,
   * with its SHA-256; and that the directory switches releases atomically (a flat directory from
   * before release directories does not). Also removes a staging directory a crash left behind,
   * when no other writer holds the lock.
   */
  @Override
  public List<Damage> damage(Manifest published) throws PublishException {
    List<Damage> found = new ArrayList<>();
    try {
      Path release = ReleaseLayout.currentRelease(dir);
      if (release == null) {
        found.add(
            new Damage(
                Damage.WHOLE_TARGET,
                "flat layout, files replaced one by one; moving to release directories"));
      }
      found.addAll(ReleaseCheck.check(dir, release == null ? dir : release, published));
      removeLeftoversIfIdle();
    } catch (IOException e) {
      throw new PublishException(target() + ": cannot check (" + describe(e) + ")", e);
    }
    return found;
  }

  private void removeLeftoversIfIdle() throws IOException {
    Path lockPath = dir.resolve(LOCK_FILE);
    if (!Files.exists(lockPath)) {
      return;
    }
    ReentrantLock local = WRITERS.computeIfAbsent(dir, d -> new ReentrantLock());
    if (!local.tryLock()) {
      return;
    }
    try (FileChannel channel = FileChannel.open(lockPath, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock()) {
      if (lock != null) {
        new ReleaseSwitch(dir, ops).removeLeftovers();
      }
    } finally {
      local.unlock();
    }
  }

  @Override
  public PublishResult publish(Release release, @Nullable Manifest previous)
      throws PublishException, InterruptedException {
    return publish(release, previous, Set.of());
  }

  @Override
  public PublishResult publish(Release release, @Nullable Manifest previous, Set<String> rewrite)
      throws PublishException, InterruptedException {
    PublishPlan plan = PublishPlan.of(release, previous, this, rewrite);
    if (plan.unchanged()) {
      return new PublishResult(target(), 0, 0);
    }
    for (Artifact a : release.artifacts()) {
      resolveChecked(dir, a.path());
    }
    createDirectory(dir);
    Path lockPath = dir.resolve(LOCK_FILE);
    // The file lock keeps out other processes; the JVM holds it once, so threads queue here.
    ReentrantLock local = WRITERS.computeIfAbsent(dir, d -> new ReentrantLock());
    local.lockInterruptibly();
    try (FileChannel channel =
            FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.lock()) {
      checkNoOtherWriter(previous);
      return switchTo(release, previous, rewrite, plan);
    } catch (IOException e) {
      throw new PublishException(
          target() + ": cannot publish (" + describe(e) + "); the previous release is intact", e);
    } finally {
      local.unlock();
    }
  }

  private PublishResult switchTo(
      Release release, @Nullable Manifest previous, Set<String> rewrite, PublishPlan plan)
      throws IOException {
    ReleaseSwitch sw = new ReleaseSwitch(dir, ops);
    sw.removeLeftovers();
    Path current = ReleaseLayout.currentRelease(dir);
    if (current == null && previous != null) {
      current = FlatMigration.migrate(dir, previous, ops, sw);
    }
    List<Artifact> files = new ArrayList<>(release.artifacts());
    files.add(release.manifest().toArtifact());
    String id = sw.newId(release.manifest());
    int[] written = {0};
    Path staging = sw.stagingOf(id);
    Path sealed;
    try {
      sw.stage(staging, files, current, previous, rewrite, written);
      StagedCheck.verify(staging, files, current);
      sealed = sw.seal(staging, id);
    } catch (IOException | RuntimeException e) {
      ReleaseSwitch.deleteQuietly(staging);
      throw e;
    }
    Set<String> paths = new LinkedHashSet<>();
    files.forEach(a -> paths.add(a.path()));
    sw.link(newPaths(paths, previous, rewrite));
    sw.switchIn(sealed);
    Set<String> gone = new HashSet<>(plan.removals());
    gone.removeAll(paths);
    sw.unlink(gone);
    Set<Path> keep = new HashSet<>();
    keep.add(sealed.normalize());
    if (current != null) {
      keep.add(current.normalize());
    }
    sw.prune(keep);
    return new PublishResult(target(), written[0], plan.removals().size());
  }

  /**
   * The paths whose visible link may be missing: new ones, ones a check found damaged, and all of
   * them when the check found the layout itself at fault or nothing was published before.
   */
  private static Set<String> newPaths(
      Set<String> paths, @Nullable Manifest previous, Set<String> rewrite) {
    if (previous == null || rewrite.contains(Damage.WHOLE_TARGET)) {
      return paths;
    }
    Set<String> fresh = new LinkedHashSet<>();
    for (String p : paths) {
      if (!previous.files().containsKey(p) || rewrite.contains(p)) {
        fresh.add(p);
      }
    }
    fresh.add(Manifest.PATH);
    if (paths.contains(Manifest.SIGNATURE_PATH)) {
      fresh.add(Manifest.SIGNATURE_PATH);
    }
    return fresh;
  }

  private void checkNoOtherWriter(@Nullable Manifest previous) throws PublishException {
    PublishPlan.requireStillPublished(
        previous, published(), dir.resolve(Manifest.PATH).toUri().toString());
  }

  private Path resolveChecked(Path root, String relative) throws PublishException {
    Path p = root.resolve(relative).normalize();
    if (!p.startsWith(root) || relative.startsWith(".") || relative.contains("/.")) {
      throw new PublishException(
          target() + ": refusing a path outside the directory or hidden: " + relative);
    }
    return p;
  }

  private void createDirectory(Path d) throws PublishException {
    try {
      ops.createDirectory(d);
    } catch (IOException e) {
      throw new PublishException(
          d.toUri() + ": cannot create directory (" + describe(e) + "); check the path", e);
    }
  }

  static String describe(IOException e) {
    if (e instanceof FileSystemException fse && fse.getReason() != null) {
      return fse.getClass().getSimpleName()
          + ": "
          + Objects.requireNonNullElse(fse.getFile(), "")
          + (fse.getFile() == null ? "" : ": ")
          + fse.getReason();
    }
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }
}
