package io.k8s.cvefeed.cli;

import io.k8s.cvefeed.config.RefreshConfig;
import io.k8s.cvefeed.config.UsageException;
import io.k8s.cvefeed.extract.Extractor;
import io.k8s.cvefeed.publish.DirectoryPublisher;
import io.k8s.cvefeed.publish.PublishOptions;
import io.k8s.cvefeed.publish.Publisher;
import io.k8s.cvefeed.publish.TargetException;
import io.k8s.cvefeed.publish.Targets;
import io.k8s.cvefeed.refresh.EagerExtractor;
import io.k8s.cvefeed.refresh.Refresher;
import io.k8s.cvefeed.render.Renderers;
import io.k8s.cvefeed.source.EtagCache;
import io.k8s.cvefeed.source.GitHubClient;
import io.k8s.cvefeed.source.GitHubClientBuilder;
import io.k8s.cvefeed.source.GitHubIssueSource;
import io.k8s.cvefeed.source.ProgressListener;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** Wires the pipeline by hand: no container, no scanning. */
final class Components {
  private Components() {}

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
   * @param eager extracts issues while the listing is still read (one-shot refreshes), or {@code
   *     null} to extract after it (the service, which reuses an unchanged result)
   */
  static Refresher refresher(
      RefreshConfig config,
      RefreshOptions options,
      IntegrityOptions integrity,
      GitHubClient client,
      Clock clock,
      Consumer<String> progress,
      Consumer<String> warnings,
      @Nullable EagerExtractor eager)
      throws UsageException {
    GitHubIssueSource source =
        GitHubIssueSource.builder(client)
            .repo(config.repo())
            .label(config.label())
            .progress(pageProgress(progress))
            .onIssue(eager)
            .build();
    Extractor extractor = new Extractor();
    Refresher.Builder builder =
        Refresher.builder()
            .source(source)
            .extractor(eager != null ? eager : extractor::extract)
            .renderer(Renderers.renderer(options.formats()))
            .restamper(Renderers.restamper(options.formats()))
            .publishers(publishers(config, options.targets.toOptions(config, clock)))
            .info(config.info())
            .clock(clock)
            .allowShrink(config.allowShrink())
            .speculate(eager != null && Runtime.getRuntime().availableProcessors() > 1);
    integrity.wire(builder, config, client, progress, options.cveRecords.step(config, clock));
    return ConsumerHooks.attach(builder, options.notifyWebhooks, warnings).build();
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
