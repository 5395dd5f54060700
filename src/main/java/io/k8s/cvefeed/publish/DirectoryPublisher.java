package io.k8s.cvefeed.publish;

import io.k8s.cvefeed.render.Artifact;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;

/**
 * Publishes into a local directory ({@code file://}). Every file is written to a temporary file
 * beside it and renamed into place, so a reader never sees half a file; {@code manifest.json} is
 * renamed last. A lock file serialises writers on the same directory.
 */
public final class DirectoryPublisher implements Publisher {
  static final String LOCK_FILE = ".cvefeed.lock";
  private static final int WRITERS = 4;
  private static final int PARALLEL_THRESHOLD = 64;
  private final Path dir;

  public DirectoryPublisher(Path dir) {
    this.dir = dir.toAbsolutePath().normalize();
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
    Path file = dir.resolve(Manifest.PATH);
    try {
      return Manifest.parse(Files.readAllBytes(file), file.toUri().toString());
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new PublishException(file.toUri() + ": cannot read (" + describe(e) + ")", e);
    }
  }

  @Override
  public byte @Nullable [] read(String path) throws PublishException {
    Path file = resolveChecked(path);
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new PublishException(file.toUri() + ": cannot read (" + describe(e) + ")", e);
    }
  }

  @Override
  public PublishResult publish(Release release, @Nullable Manifest previous)
      throws PublishException, InterruptedException {
    PublishPlan plan = PublishPlan.of(release, previous, this);
    if (plan.unchanged()) {
      return new PublishResult(target(), 0, 0);
    }
    createDirectory(dir);
    Path lockPath = dir.resolve(LOCK_FILE);
    try (FileChannel channel =
            FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.lock()) {
      checkNoOtherWriter(previous);
      List<Artifact> changed = new ArrayList<>();
      for (Artifact a : release.artifacts()) {
        if (!unchanged(a, previous)) {
          changed.add(a);
        }
      }
      writeAll(changed);
      write(release.manifest().toArtifact(), true);
      int written = changed.size() + 1;
      int removed = remove(plan.removals());
      return new PublishResult(target(), written, removed);
    } catch (IOException e) {
      throw new PublishException(
          lockPath.toUri() + ": cannot lock the directory (" + describe(e) + ")", e);
    }
  }

  /**
   * Writes the artifacts a few at a time: a release of thousands of small files is bound by file
   * system calls, not by the CPU. Stops at the first failure; the manifest is not written then.
   */
  private void writeAll(List<Artifact> artifacts) throws PublishException, InterruptedException {
    if (artifacts.size() < PARALLEL_THRESHOLD) {
      for (Artifact a : artifacts) {
        write(a, false);
      }
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (Artifact a : artifacts) {
        futures.add(
            pool.submit(
                () -> {
                  write(a, false);
                  return null;
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (ExecutionException e) {
      if (e.getCause() instanceof PublishException pe) {
        throw pe;
      }
      throw new PublishException(target() + ": write failed (" + e.getCause() + ")", e);
    } finally {
      pool.shutdownNow();
    }
  }

  private void checkNoOtherWriter(@Nullable Manifest previous) throws PublishException {
    PublishPlan.requireStillPublished(
        previous, published(), dir.resolve(Manifest.PATH).toUri().toString());
  }

  private boolean unchanged(Artifact a, @Nullable Manifest previous) throws PublishException {
    if (previous == null) {
      return false;
    }
    Manifest.FileEntry entry = previous.files().get(a.path());
    return entry != null && entry.sha256().equals(a.sha256()) && Files.isRegularFile(resolve(a));
  }

  private int remove(List<String> paths) throws PublishException {
    int removed = 0;
    for (String path : paths) {
      Path file = resolveChecked(path);
      try {
        if (Files.deleteIfExists(file)) {
          removed++;
        }
      } catch (IOException ex) {
        throw new PublishException(file.toUri() + ": cannot remove (" + describe(ex) + ")", ex);
      }
    }
    return removed;
  }

  /**
   * Writes through a temporary file and a rename, so readers never see half a file. Only the
   * manifest is forced to disk: syncing each of thousands of OSV records costs seconds, and after a
   * crash a torn artifact shows up as a hash mismatch against the manifest ({@code verify}).
   */
  private void write(Artifact a, boolean sync) throws PublishException {
    Path target = resolve(a);
    createDirectory(Objects.requireNonNull(target.getParent()));
    Path tmp = null;
    try {
      // One writer at a time holds the directory lock, so a fixed temporary name is safe.
      tmp = target.resolveSibling("." + target.getFileName() + ".part");
      try (FileChannel ch =
          FileChannel.open(
              tmp,
              StandardOpenOption.CREATE,
              StandardOpenOption.TRUNCATE_EXISTING,
              StandardOpenOption.WRITE)) {
        a.writeTo(ch);
        if (sync) {
          ch.force(true);
        }
      }
      makeReadable(tmp);
      move(tmp, target);
      tmp = null;
    } catch (IOException e) {
      throw new PublishException(
          target.toUri() + ": cannot write (" + describe(e) + "); check the directory is writable",
          e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // best effort: a leftover .part file is never listed in a manifest
        }
      }
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void makeReadable(Path file) throws IOException {
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }
  }

  private Path resolve(Artifact a) throws PublishException {
    return resolveChecked(a.path());
  }

  private Path resolveChecked(String relative) throws PublishException {
    Path p = dir.resolve(relative).normalize();
    if (!p.startsWith(dir)) {
      throw new PublishException(target() + ": refusing path outside the directory: " + relative);
    }
    return p;
  }

  private static void createDirectory(Path d) throws PublishException {
    try {
      Files.createDirectories(d);
    } catch (IOException e) {
      throw new PublishException(
          d.toUri() + ": cannot create directory (" + describe(e) + "); check the path", e);
    }
  }

  private static String describe(IOException e) {
    if (e instanceof FileSystemException fse && fse.getReason() != null) {
      return fse.getClass().getSimpleName() + ": " + fse.getReason();
    }
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }
}
