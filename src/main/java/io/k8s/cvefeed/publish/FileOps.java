package io.k8s.cvefeed.publish;

import io.k8s.cvefeed.files.AtomicFile;
import io.k8s.cvefeed.render.Artifact;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The file-system steps {@link DirectoryPublisher} takes to stage and switch a release, one method
 * a step. Tests wrap it to fail the Nth step (a full disk, an I/O error, a short write); the crash
 * test sets {@value #PAUSE_ENV} so that a real process stops after the Nth step and can be killed
 * there.
 */
class FileOps {
  /**
   * Test hook: after this many steps, print {@value #PAUSED} to stderr and wait forever; {@code 0}
   * prints {@value #COUNTED} and the number of steps taken when the process exits instead.
   */
  static final String PAUSE_ENV = "CVEFEED_TEST_PAUSE_AFTER_FILE_OPS";

  static final String PAUSED = "cvefeed-test: paused after file operation ";

  static final String COUNTED = "cvefeed-test: file operations taken: ";

  static final FileOps REAL = new FileOps();

  /** {@link #REAL}, or the pausing variant when {@value #PAUSE_ENV} is set. */
  static FileOps fromEnvironment() {
    String pause = System.getenv(PAUSE_ENV);
    if (pause == null || pause.isBlank()) {
      return REAL;
    }
    return new Pausing(Integer.parseInt(pause.trim()), System.err);
  }

  /**
   * Creates {@code file} with the artifact's bytes, readable by everyone; {@link #force} puts them
   * on disk.
   */
  void write(Path file, Artifact a) throws IOException {
    try (FileChannel ch =
        FileChannel.open(
            file,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      a.writeTo(ch);
    }
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }
  }

  /**
   * Forces {@code files}, all under {@code dir}, to disk: one {@code syncfs(2)} of the file system
   * through {@code sync -f} (coreutils) where it exists, which costs one call instead of one {@code
   * fsync} a file; else each file on its own.
   */
  void force(Path dir, List<Path> files) throws IOException {
    if (files.isEmpty()) {
      return;
    }
    if (files.size() > 8 && syncFileSystem(dir)) {
      return;
    }
    for (Path f : files) {
      try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
        ch.force(true);
      }
    }
  }

  private static boolean syncFileSystem(Path dir) throws IOException {
    try {
      Process p =
          new ProcessBuilder("sync", "-f", dir.toString())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      return p.waitFor() == 0;
    } catch (IOException e) {
      return false; // no sync(1) here
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while forcing " + dir + " to disk");
    }
  }

  /** A second name for an existing file (both stay valid: release files are never changed). */
  void link(Path link, Path existing) throws IOException {
    Files.createLink(link, existing);
  }

  /** A symbolic link holding {@code target}, which is relative to the link's directory. */
  void symlink(Path link, Path target) throws IOException {
    Files.createSymbolicLink(link, target);
  }

  /** {@code rename(2)}: replaces {@code to} in one step. */
  void rename(Path from, Path to) throws IOException {
    AtomicFile.move(from, to);
  }

  void createDirectory(Path dir) throws IOException {
    Files.createDirectories(dir);
  }

  void syncDirectory(Path dir) throws IOException {
    AtomicFile.syncDirectory(dir);
  }

  void delete(Path file) throws IOException {
    Files.deleteIfExists(file);
  }

  /** Counts steps and stops the process's publish for good after the Nth. */
  static final class Pausing extends FileOps {
    private final int pauseAfter;
    private final PrintStream log;
    private final AtomicInteger steps = new AtomicInteger();

    Pausing(int pauseAfter, PrintStream log) {
      this.pauseAfter = pauseAfter;
      this.log = log;
      if (pauseAfter <= 0) {
        Runtime.getRuntime()
            .addShutdownHook(new Thread(() -> log.println(COUNTED + steps.get()), "cvefeed-count"));
      }
    }

    private void step() throws IOException {
      int n = steps.incrementAndGet();
      if (n == pauseAfter) {
        log.println(PAUSED + n);
        log.flush();
        try {
          new CountDownLatch(1).await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while paused for a test", e);
        }
      }
    }

    @Override
    void write(Path file, Artifact a) throws IOException {
      super.write(file, a);
      step();
    }

    @Override
    void link(Path link, Path existing) throws IOException {
      super.link(link, existing);
      step();
    }

    @Override
    void force(Path dir, List<Path> files) throws IOException {
      super.force(dir, files);
      step();
    }

    @Override
    void symlink(Path link, Path target) throws IOException {
      super.symlink(link, target);
      step();
    }

    @Override
    void rename(Path from, Path to) throws IOException {
      super.rename(from, to);
      step();
    }

    @Override
    void createDirectory(Path dir) throws IOException {
      super.createDirectory(dir);
      step();
    }

    @Override
    void syncDirectory(Path dir) throws IOException {
      super.syncDirectory(dir);
      step();
    }

    @Override
    void delete(Path file) throws IOException {
      super.delete(file);
      step();
    }
  }
}
