package io.k8s.cvefeed.refresh;

import io.k8s.cvefeed.extract.Diagnostic;
import io.k8s.cvefeed.model.Feed;
import io.k8s.cvefeed.render.Artifact;
import java.time.Duration;
import java.util.List;

/**
 * What a set of issues yields, up to the content digest: the feed at {@link
 * Refresher#DIGEST_EPOCH}, its digest, and the artifacts every release of it shares.
 *
 * @param feed the feed, stamped with the digest epoch
 * @param items the feed's CVE ids, in feed order
 * @param digest the content digest of every artifact of {@code feed}
 * @param diagnostics every problem found in the issues
 * @param timeless the artifacts whose bytes do not depend on the feed's time
 * @param extract time spent extracting and checking
 * @param render time spent rendering and hashing
 */
record Snapshot(
    Feed feed,
    List<String> items,
    String digest,
    List<Diagnostic> diagnostics,
    List<Artifact> timeless,
    Duration extract,
    Duration render) {
  Snapshot {
    items = List.copyOf(items);
    diagnostics = List.copyOf(diagnostics);
    timeless = List.copyOf(timeless);
  }
}
