package io.k8s.cvefeed.cli;

import io.k8s.cvefeed.publish.DirectoryPublisher;
import io.k8s.cvefeed.publish.Manifest;
import io.k8s.cvefeed.publish.PublishException;
import io.k8s.cvefeed.refresh.RefreshReport;
import io.k8s.cvefeed.render.Artifact;
import io.k8s.cvefeed.render.StatusJson;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * Writes {@code status.json} into the served directory after every successful refresh, published or
 * unchanged, so the page can say when the feed was last checked. It is not part of a release: it is
 * not in the manifest and does not move the content digest.
 */
final class StatusFile {
  private StatusFile() {}

  /** Writes the file unless a target failed; never throws for a missing manifest. */
  static void afterRefresh(Path dir, RefreshReport report, Duration staleAfter)
      throws IOException, PublishException {
    if (report.anyFailed()) {
      return;
    }
    Manifest manifest = new DirectoryPublisher(dir).published();
    if (manifest == null) {
      return;
    }
    Artifact status = StatusJson.of(report.finishedAt(), manifest.updatedAt(), staleAfter);
    Path tmp = dir.resolve("." + StatusJson.PATH + ".part");
    Files.write(tmp, status.bytes());
    try {
      Files.move(
          tmp,
          dir.resolve(StatusJson.PATH),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, dir.resolve(StatusJson.PATH), StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
