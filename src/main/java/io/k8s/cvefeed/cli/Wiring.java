package io.k8s.cvefeed.cli;

import io.k8s.cvefeed.config.RefreshConfig;
import io.k8s.cvefeed.config.UsageException;
import io.k8s.cvefeed.cverecord.RecordStep;
import io.k8s.cvefeed.extract.Extractor;
import io.k8s.cvefeed.github.EtagCache;
import io.k8s.cvefeed.github.GitHubClient;
import io.k8s.cvefeed.github.GitHubClientBuilder;
import io.k8s.cvefeed.github.GitHubIssueSource;
import io.k8s.cvefeed.github.ProgressListener;
import io.k8s.cvefeed.model.Feed;
import io.k8s.cvefeed.publish.DirectoryPublisher;
import io.k8s.cvefeed.publish.PublishOptions;
import io.k8s.cvefeed.publish.Publisher;
import io.k8s.cvefeed.publish.TargetException;
import io.k8s.cvefeed.publish.Targets;
import io.k8s.cvefeed.refresh.FeedRenderer;
import io.k8s.cvefeed.refresh.LastRelease;
import io.k8s.cvefeed.refresh.Refresher;
import io.k8s.cvefeed.render.Artifact;
import io.k8s.cvefeed.render.Renderers;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Wires the pipeline by hand: no container, no scanning. */
final class Wiring {
  private Wiring() {}

  static GitHubClientBuilder gitHub(RefreshConfig config, EtagCache cache, Clock clock) {
    return GitHubClient.builder()
        .apiBase(config.githubApi())
        .token(config.token())
        .etagCache(cache)
        .maxWait(config.maxWait())
        .concurrency(config.concurrency())
        .clock(clock);
  }

  /**
   * The refresh pipeline of {@code refresh} and {@code serve}.
   *
   * @param integrity the label provenance and signing settings (in memory for the service)
   * @param progress where page progress goes
   * @param warnings where failures of side effects (webhook notifications) go
   * @param last where the last refresh's inputs are remembered (in the cache directory for one-shot
   *     runs, in memory for the service, whose other caches live in memory too)
   */
  static Refresher refresher(
      RefreshConfig config,
      RefreshOptions options,
      IntegrityOptions integrity,
      GitHubClient client,
      Clock clock,
      Consumer<String> progress,
      Consumer<String> warnings,
      LastRelease last)
      throws UsageException {
    GitHubIssueSource source =
        GitHubIssueSource.builder(client)
            .repo(config.repo())
            .label(config.label())
            .progress(pageProgress(progress))
            .build();
    Extractor extractor = new Extractor();
    Refresher.Builder builder =
        Refresher.builder()
            .source(source)
            .extractor(extractor::extract)
            .renderer(renderer(Renderers.of(options.formats())))
            .publishers(publishers(config, options.targets.toOptions(config, clock)))
            .info(config.info())
            .clock(clock)
            .allowShrink(config.allowShrink())
            .lastRelease(last);
    integrity.wire(builder, config, client, progress);
    RecordStep records = options.cveRecords.step(config, clock);
    if (records != null) { // after the label check: records only for what it kept
      builder.check(records).extraInputs(records::fingerprint);
    }
    builder.inputsSalt(
        Cli.Version.build()
            + "\n"
            + options.formats()
            + "\n"
            + integrity.salt()
            + "\n"
            + options.cveRecords.salt());
    return ConsumerHooks.attach(builder, options.notifyWebhooks, warnings).build();
  }

  private static FeedRenderer renderer(Renderers renderers) {
    return new FeedRenderer() {
      @Override
      public List<Artifact> renderStamped(Feed feed) {
        return renderers.renderStamped(feed);
      }

      @Override
      public List<Artifact> renderTimeless(Feed feed) {
        return renderers.renderTimeless(feed);
      }
    };
  }

  static List<Publisher> publishers(RefreshConfig config, PublishOptions options)
      throws UsageException {
    List<Publisher> publishers = new ArrayList<>();
    for (URI target : config.targets()) {
      if ("file".equals(target.getScheme())) {
        publishers.add(new DirectoryPublisher(Path.of(target)));
        continue;
      }
      try {
        publishers.add(Targets.parse(target.toString(), options));
      } catch (TargetException e) {
        throw new UsageException(String.valueOf(e.getMessage()));
      }
    }
    return publishers;
  }

  /** Reports multi-page listings at every tenth of the way. */
  private static ProgressListener pageProgress(Consumer<String> progress) {
    return (done, total) -> {
      if (total > 1 && (done == total || done % Math.max(1, total / 10) == 0)) {
        progress.accept("fetched " + done + "/" + total + " pages");
      }
    };
  }
}
