package io.k8s.cvefeed.publish;

import io.k8s.cvefeed.render.Artifact;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * File-system steps that fail on demand: every write of a path, the Nth step as a full disk ({@code
 * ENOSPC}) or a failing device ({@code EIO}) would, or a short write that reports success.
 */
final class FailingOps extends FileOps {
  /** How the Nth step fails. */
  enum Fault {
    ENOSPC,
    EIO,
    /** The Nth write stores only half the bytes and reports success. */
    SHORT_WRITE
  }

  private final Set<String> failing = new HashSet<>();
  private final AtomicInteger steps = new AtomicInteger();
  private int failAt = -1;
  private Fault fault = Fault.ENOSPC;

  void failWritesOf(String path) {
    failing.add(path);
  }

  /** Fails the {@code n}th step from now with ENOSPC. */
  void failStep(int n) {
    failStep(n, Fault.ENOSPC);
  }

  void failStep(int n, Fault how) {
    steps.set(0);
    failAt = n;
    fault = how;
  }

  void restore() {
    failing.clear();
    failAt = -1;
  }

  /** Steps taken since the last {@link #failStep} or {@link #countFromNow()}. */
  int steps() {
    return steps.get();
  }

  void countFromNow() {
    steps.set(0);
    failAt = -1;
  }

  /** Whether this step is the one to fail; a short write counts writes only. */
  private boolean due() {
    return fault != Fault.SHORT_WRITE && steps.incrementAndGet() == failAt;
  }

  private boolean writeDue() {
    return steps.incrementAndGet() == failAt;
  }

  private IOException failure(Path p) {
    return new FileSystemException(
        p.toString(), null, fault == Fault.EIO ? "Input/output error" : "No space left on device");
  }

  @Override
  void write(Path file, Artifact a) throws IOException {
    for (String path : failing) {
      if (file.endsWith(path)) {
        throw new FileSystemException(file.toString(), null, "Permission denied");
      }
    }
    if (writeDue()) {
      if (fault == Fault.SHORT_WRITE) {
        java.nio.file.Files.write(file, java.util.Arrays.copyOf(a.bytes(), a.size() / 2));
        return;
      }
      java.nio.file.Files.write(file, java.util.Arrays.copyOf(a.bytes(), a.size() / 2));
      throw failure(file);
    }
    super.write(file, a);
  }

  @Override
  void force(Path dir, java.util.List<Path> files) throws IOException {
    if (due()) {
      throw failure(dir);
    }
    super.force(dir, files);
  }

  @Override
  void link(Path link, Path existing) throws IOException {
    if (due()) {
      throw failure(link);
    }
    super.link(link, existing);
  }

  @Override
  void symlink(Path link, Path target) throws IOException {
    if (due()) {
      throw failure(link);
    }
    super.symlink(link, target);
  }

  @Override
  void rename(Path from, Path to) throws IOException {
    if (due()) {
      throw failure(to);
    }
    super.rename(from, to);
  }

  @Override
  void createDirectory(Path dir) throws IOException {
    if (due()) {
      throw failure(dir);
    }
    super.createDirectory(dir);
  }

  @Override
  void syncDirectory(Path dir) throws IOException {
    if (due()) {
      throw failure(dir);
    }
    super.syncDirectory(dir);
  }

  @Override
  void delete(Path file) throws IOException {
    if (due()) {
      throw failure(file);
    }
    super.delete(file);
  }
}
