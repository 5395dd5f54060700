package io.k8s.cvefeed.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * Writes a file so that a reader sees the old bytes or the new ones, never part of them: the bytes
 * go to a hidden temporary file beside the target ({@code .NAME.*.part}), which is then renamed
 * over it. A failed write removes the temporary file.
 */
public final class AtomicFile {
  private AtomicFile() {}

  /** Writes {@code bytes} to {@code target}, without forcing them to disk. */
  public static void write(Path target, byte[] bytes) throws IOException {
    write(target, bytes, false);
  }

  /**
   * Writes {@code bytes} to {@code target}.
   *
   * @param sync also force the file, then its directory, to disk, so that the new bytes survive a
   *     power loss once this returns
   */
  public static void write(Path target, byte[] bytes, boolean sync) throws IOException {
    Path dir = Objects.requireNonNull(target.toAbsolutePath().getParent());
    Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".part");
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          ch.write(buffer);
        }
        if (sync) {
          ch.force(true);
        }
      }
      move(tmp, target);
      if (sync) {
        syncDirectory(dir);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * Renames {@code from} onto {@code to}, replacing it: {@code rename(2)} where the file system has
   * it; a symbolic link is moved as a link.
   */
  public static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * Forces a directory's entries (names created, renamed or removed) to disk. A no-op where the
   * platform cannot open a directory (Windows).
   */
  public static void syncDirectory(Path dir) throws IOException {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (UnsupportedOperationException | java.nio.file.AccessDeniedException e) {
      // not supported here: nothing more can be done
    }
  }
}
