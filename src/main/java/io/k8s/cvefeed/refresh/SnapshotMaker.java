package io.k8s.cvefeed.refresh;

import io.k8s.cvefeed.extract.Diagnostic;
import io.k8s.cvefeed.extract.Extraction;
import io.k8s.cvefeed.github.RawIssue;
import io.k8s.cvefeed.github.SourceException;
import io.k8s.cvefeed.model.Advisory;
import io.k8s.cvefeed.model.Feed;
import io.k8s.cvefeed.model.FeedInfo;
import io.k8s.cvefeed.publish.Manifest;
import io.k8s.cvefeed.render.Artifact;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Extracts, checks, renders and digests a set of issues: the work an unchanged refresh skips. */
final class SnapshotMaker {
  private final IssueExtractor extractor;
  private final AdvisoryCheck check;
  private final FeedRenderer renderer;
  private final FeedInfo info;

  SnapshotMaker(
      IssueExtractor extractor, AdvisoryCheck check, FeedRenderer renderer, FeedInfo info) {
    this.extractor = extractor;
    this.check = check;
    this.renderer = renderer;
    this.info = info;
  }

  Snapshot take(List<RawIssue> issues) throws SourceException, InterruptedException {
    long t0 = System.nanoTime();
    List<Diagnostic> diagnostics = new ArrayList<>();
    List<Advisory> advisories = check.check(extractAll(issues, diagnostics), diagnostics);
    long t1 = System.nanoTime();
    Feed feed = new Feed(info, advisories, Refresher.DIGEST_EPOCH);
    List<String> items = feed.items().stream().map(i -> i.id().value()).toList();
    List<Artifact> timeless = renderer.renderTimeless(feed);
    // The digest covers every artifact; the stamped ones are rendered again for each release, at
    // its time, so only the timeless ones are kept.
    List<Artifact> all = new ArrayList<>(timeless);
    all.addAll(renderer.renderStamped(feed));
    String digest = Manifest.digestOf(all);
    return new Snapshot(
        feed,
        items,
        digest,
        diagnostics,
        timeless,
        Duration.ofNanos(t1 - t0),
        Duration.ofNanos(System.nanoTime() - t1));
  }

  private List<Advisory> extractAll(List<RawIssue> issues, List<Diagnostic> diagnostics) {
    List<Advisory> advisories = new ArrayList<>();
    // Extraction is pure: spread it over the cores, keep the order.
    List<Extraction> extractions = issues.parallelStream().map(extractor::extract).toList();
    for (Extraction e : extractions) {
      diagnostics.addAll(e.diagnostics());
      if (e.advisory() != null) {
        advisories.add(e.advisory());
      }
    }
    return DuplicateIds.resolve(advisories, diagnostics);
  }
}
