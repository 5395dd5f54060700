package io.k8s.cvefeed.integrity;

import io.k8s.cvefeed.files.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A {@link ProvenanceCache} in a directory: {@code <issue>.txt} holds three lines, the issue's
 * {@code updated_at}, the login and the time the label was applied ({@code -} for none). Written to
 * a temporary file and renamed; an unreadable file counts as absent and is fetched again.
 */
final class DirectoryProvenanceCache implements ProvenanceCache {
  private static final String NONE = "-";

  private final Path dir;

  DirectoryProvenanceCache(Path dir) {
    this.dir = dir;
  }

  @Override
  public @Nullable Found get(long issue, Instant updatedAt) {
    try {
      List<String> lines = Files.readAllLines(file(issue), StandardCharsets.UTF_8);
      if (lines.size() != 3 || !lines.get(0).equals(updatedAt.toString())) {
        return null;
      }
      if (lines.get(1).equals(NONE)) {
        return Found.NOTHING;
      }
      return new Found(lines.get(1), Instant.parse(lines.get(2)));
    } catch (IOException | DateTimeParseException e) {
      return null; // absent or unreadable: the events are fetched again
    }
  }

  @Override
  public void put(long issue, Instant updatedAt, Found found) {
    String login = found.login() == null ? NONE : found.login();
    String at = found.at() == null ? NONE : found.at().toString();
    try {
      Files.createDirectories(dir);
      AtomicFile.write(
          file(issue),
          (updatedAt + "\n" + login + "\n" + at + "\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      // The cache is an optimisation: the events are fetched again next time.
    }
  }

  Path file(long issue) {
    return dir.resolve(issue + ".txt");
  }
}
