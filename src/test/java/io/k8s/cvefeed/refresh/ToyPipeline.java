package io.k8s.cvefeed.refresh;

import io.k8s.cvefeed.extract.Diagnostic;
import io.k8s.cvefeed.extract.Extraction;
import io.k8s.cvefeed.github.FetchResult;
import io.k8s.cvefeed.github.IssueSource;
import io.k8s.cvefeed.github.RawIssue;
import io.k8s.cvefeed.model.Advisory;
import io.k8s.cvefeed.model.CveId;
import io.k8s.cvefeed.model.Feed;
import io.k8s.cvefeed.model.FeedInfo;
import io.k8s.cvefeed.model.FeedItem;
import io.k8s.cvefeed.model.Status;
import io.k8s.cvefeed.publish.DirectoryPublisher;
import io.k8s.cvefeed.render.Artifact;
import io.k8s.cvefeed.testing.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The real {@link Refresher} between toy stages, for the {@code Refresher*Test} classes: {@link
 * #issues} as the source, titles {@code CVE-…: summary} as the only extraction, a text rendering,
 * and a {@link DirectoryPublisher} on {@link #out}, all on a {@link MutableClock}.
 */
final class ToyPipeline {
  final Path out;
  final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  final List<RawIssue> issues = new ArrayList<>();
  IssueSource source = () -> new FetchResult(issues, 1, 1, 0, 4999);

  /** Extractions and full renders of the pipelines {@link #counting} builds. */
  final AtomicInteger extractions = new AtomicInteger();

  final AtomicInteger renders = new AtomicInteger();

  ToyPipeline(Path out) {
    this.out = out;
  }

  /** Title {@code CVE-…: summary} → one advisory; anything else is skipped with a diagnostic. */
  static Extraction extract(RawIssue issue) {
    String[] parts = issue.title().split(": ", 2);
    if (!parts[0].startsWith("CVE-")) {
      return new Extraction(
          null, List.of(new Diagnostic(issue.number(), "title.no-cve-id", "no id", true)));
    }
    List<CveId> ids = Stream.of(parts[0].split(", ")).map(CveId::of).toList();
    Advisory a =
        Advisory.basic(
            issue.number(),
            ids,
            parts[1],
            issue.htmlUrl(),
            "",
            issue.createdAt(),
            issue.updatedAt(),
            Status.FIXED);
    return new Extraction(a, List.of());
  }

  /** One index file that carries the refresh time, and one file per item. */
  static List<Artifact> render(Feed feed) {
    List<Artifact> out = new ArrayList<>();
    StringBuilder index = new StringBuilder("updated " + feed.updatedAt() + "\n");
    for (FeedItem item : feed.items()) {
      index.append(item.id()).append(' ').append(item.advisory().summary()).append('\n');
      out.add(
          Artifact.utf8("items/" + item.id() + ".txt", "text/plain", item.advisory().summary()));
    }
    out.add(Artifact.utf8("index.txt", "text/plain", index.toString()));
    return out;
  }

  Refresher refresher(boolean allowShrink) {
    return builder().info(FeedInfo.OFFICIAL).allowShrink(allowShrink).build();
  }

  /** The pipeline, publishing into {@link #out}. */
  Refresher.Builder builder() {
    return Refresher.builder()
        .source(source)
        .extractor(ToyPipeline::extract)
        .renderer(ToyPipeline::render)
        .publishers(List.of(new DirectoryPublisher(out)))
        .clock(clock);
  }

  /**
   * The pipeline with {@code last}, counting extractions and full renders; it renders only {@code
   * index.txt} again for a release.
   */
  Refresher.Builder counting(LastRelease last) {
    return builder()
        .lastRelease(last)
        .extractor(
            issue -> {
              extractions.incrementAndGet();
              return extract(issue);
            })
        .renderer(
            new FeedRenderer() {
              @Override
              public List<Artifact> renderTimeless(Feed feed) {
                renders.incrementAndGet();
                return ToyPipeline.render(feed).stream()
                    .filter(a -> !a.path().equals("index.txt"))
                    .toList();
              }

              @Override
              public List<Artifact> renderStamped(Feed feed) {
                return ToyPipeline.render(feed).stream()
                    .filter(a -> a.path().equals("index.txt"))
                    .toList();
              }
            });
  }

  void addIssue(long number, String title) {
    Instant created = Instant.parse("2024-01-01T00:00:00Z").plusSeconds(number);
    issues.add(
        new RawIssue(
            number,
            title,
            "",
            "closed",
            "completed",
            "https://github.com/kubernetes/kubernetes/issues/" + number,
            created,
            created,
            created,
            List.of("official-cve-feed"),
            "someone"));
  }

  /** The modification time of every published path (not the release directories behind them). */
  Map<String, FileTime> snapshot() throws IOException {
    Map<String, FileTime> times = new TreeMap<>();
    try (Stream<Path> files = Files.walk(out)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        if (out.relativize(p).toString().startsWith(".")) {
          continue;
        }
        times.put(out.relativize(p).toString(), Files.getLastModifiedTime(p));
      }
    }
    return times;
  }
}
