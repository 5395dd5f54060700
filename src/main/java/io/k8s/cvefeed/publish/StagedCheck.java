package io.k8s.cvefeed.publish;

import io.k8s.cvefeed.render.Artifact;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Checks a staged release against what was rendered, before it may be switched in. */
final class StagedCheck {
  private StagedCheck() {}

  /**
   * Fails unless every staged file holds what was rendered: a short write or a damaged file must
   * never be switched in. Written files are read back and compared with what was rendered; linked
   * ones are checked by size (their release was checked when it was switched in, and every refresh
   * checks it again).
   */
  static void verify(Path staging, List<Artifact> files, @Nullable Path current)
      throws IOException {
    List<String> bad =
        files.parallelStream()
            .map(a -> mismatch(staging.resolve(a.path()), a, current))
            .filter(Objects::nonNull)
            .map(String::valueOf)
            .sorted()
            .toList();
    if (!bad.isEmpty()) {
      throw new StagedMismatchException(bad);
    }
  }

  private static @Nullable String mismatch(Path file, Artifact a, @Nullable Path current) {
    try {
      long size = Files.size(file);
      if (size != a.size()) {
        return a.path() + " (" + size + " bytes, rendered " + a.size() + ")";
      }
      boolean linked = current != null && sameFile(file, current.resolve(a.path()));
      if (!linked && !sameContent(file, a)) {
        return a.path() + " (content differs from the rendered file)";
      }
      return null;
    } catch (IOException e) {
      return a.path() + " (" + e.getMessage() + ")";
    }
  }

  private static boolean sameFile(Path a, Path b) {
    try {
      return Files.exists(b) && Files.isSameFile(a, b);
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean sameContent(Path file, Artifact a) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return a.sameContent(in);
    }
  }

  static String sha256(Path file) throws IOException {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /** Staged files that do not hold what was rendered. */
  static final class StagedMismatchException extends IOException {
    private static final long serialVersionUID = 1L;

    StagedMismatchException(List<String> files) {
      super("staged files differ from the rendered release: " + String.join(", ", files));
    }
  }
}
