package io.k8s.cvefeed.publish;

import io.k8s.cvefeed.files.AtomicFile;
import io.k8s.cvefeed.render.Artifact;
import io.k8s.cvefeed.render.StatusJson;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Writes {@code status.json} into the served directory after every successful refresh, published or
 * unchanged, so the page can say when the feed was last checked. It is not part of a release: it is
 * not in the manifest, does not move the content digest, and lives beside the release links (see
 * {@link DirectoryPublisher}).
 */
public final class StatusFile {
  private StatusFile() {}

  /**
   * Records a successful check at {@code checkedAt}; writes nothing before a feed is published.
   * Callers skip it when a target failed.
   */
  public static void write(Path dir, Instant checkedAt, Duration staleAfter)
      throws IOException, PublishException {
    Manifest manifest = new DirectoryPublisher(dir).published();
    if (manifest == null) {
      return;
    }
    Artifact status = StatusJson.of(checkedAt, manifest.updatedAt(), staleAfter);
    AtomicFile.write(dir.resolve(StatusJson.PATH), status.bytes());
  }
}
