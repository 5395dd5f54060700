package io.k8s.cvefeed.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Whether the server is ready: a feed has been published in the artifact directory and the last
 * successful refresh is younger than the staleness limit.
 */
final class Readiness {
  /** The answer to {@code /readyz}. */
  record Verdict(boolean ready, String reason) {}

  private final Path manifest;
  private final Clock clock;
  private final Duration staleAfter;
  private volatile @Nullable Instant lastSuccess;
  private volatile @Nullable String lastError;

  Readiness(Path dir, Clock clock, Duration staleAfter) {
    this.manifest = dir.resolve("manifest.json");
    this.clock = clock;
    this.staleAfter = staleAfter;
  }

  /**
   * Takes the time of a feed published before this process started as the last success: the
   * manifest is written last, so its modification time is when that publish completed.
   *
   * @return that time, or {@code null} when nothing has been published
   */
  @Nullable Instant seedFromDirectory() {
    try {
      Instant at = Files.getLastModifiedTime(manifest).toInstant();
      lastSuccess = at;
      return at;
    } catch (IOException e) {
      return null;
    }
  }

  void succeeded(Instant at) {
    lastSuccess = at;
    lastError = null;
  }

  void failed(String error) {
    lastError = error;
  }

  @Nullable Instant lastSuccess() {
    return lastSuccess;
  }

  Verdict check() {
    Instant success = lastSuccess;
    String error = lastError;
    String failure = error == null ? "" : "; last refresh failed: " + error;
    if (!Files.isRegularFile(manifest)) {
      return new Verdict(false, "no feed published yet: manifest.json is missing" + failure);
    }
    if (success == null) {
      return new Verdict(false, "no successful refresh yet" + failure);
    }
    Duration age = Duration.between(success, clock.instant());
    if (age.compareTo(staleAfter) >= 0) {
      return new Verdict(
          false,
          "stale: last successful refresh "
              + success
              + " is "
              + age.toSeconds()
              + "s old, limit "
              + staleAfter.toSeconds()
              + "s"
              + failure);
    }
    return new Verdict(true, "ready: last successful refresh " + success + failure);
  }
}
