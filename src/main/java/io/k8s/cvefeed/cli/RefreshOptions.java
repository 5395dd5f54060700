package io.k8s.cvefeed.cli;

import io.k8s.cvefeed.config.Durations;
import io.k8s.cvefeed.config.Problems;
import io.k8s.cvefeed.config.RefreshConfig;
import io.k8s.cvefeed.config.UsageException;
import io.k8s.cvefeed.history.WebhookNotifier;
import io.k8s.cvefeed.model.FeedInfo;
import io.k8s.cvefeed.render.Format;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options of one refresh, shared by {@code refresh} and {@code serve}. */
final class RefreshOptions {
  @Option(
      names = "--github-api",
      paramLabel = "URL",
      description = "GitHub REST API base URL (default: ${DEFAULT-VALUE}).")
  String githubApi = RefreshConfig.DEFAULT_API;

  @Option(
      names = "--repo",
      paramLabel = "OWNER/NAME",
      description = "Repository whose issues announce CVEs (default: ${DEFAULT-VALUE}).")
  String repo = RefreshConfig.DEFAULT_REPO;

  @Option(
      names = "--label",
      paramLabel = "LABEL",
      description = "Label that marks an announcement (default: ${DEFAULT-VALUE}).")
  String label = RefreshConfig.DEFAULT_LABEL;

  @Option(
      names = "--cache-dir",
      paramLabel = "DIR",
      description = "Where page ETags and bodies are kept (default: $XDG_CACHE_HOME/cvefeed).")
  @Nullable Path cacheDir;

  @Option(
      names = "--max-wait",
      paramLabel = "DURATION",
      description =
          "Longest a listing waits for GitHub rate limits to reset, all waits together, before"
              + " failing, e.g. 90s, 5m (default: ${DEFAULT-VALUE}).")
  String maxWait = "5m";

  @Option(
      names = "--concurrency",
      paramLabel = "N",
      description = "Listing pages fetched at once (default: ${DEFAULT-VALUE}).")
  int concurrency = 8;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description =
          "Publish into this directory; same as --publish file://DIR (default: ./public).")
  @Nullable Path out;

  @Option(
      names = "--publish",
      paramLabel = "URI",
      description =
          "Publish target, repeatable: file:///DIR, gs://BUCKET/PREFIX, s3://BUCKET/PREFIX,"
              + " git+https://github.com/OWNER/REPO.git?branch=main&path=DIR.")
  List<String> publish = new ArrayList<>();

  @Option(
      names = "--allow-shrink",
      description = "Publish even if more than 5 (or 10 %%) of the published CVE ids are missing.")
  boolean allowShrink;

  @Option(names = "--feed-title", paramLabel = "TEXT", description = "Feed title.")
  String feedTitle = FeedInfo.OFFICIAL.title();

  @Option(names = "--feed-home-page-url", paramLabel = "URL", description = "Feed home page URL.")
  String homePageUrl = FeedInfo.OFFICIAL.homePageUrl();

  @Option(names = "--feed-url", paramLabel = "URL", description = "URL the feed is published at.")
  String feedUrl = FeedInfo.OFFICIAL.feedUrl();

  @Option(names = "--feed-description", paramLabel = "TEXT", description = "Feed description.")
  String description = FeedInfo.OFFICIAL.description();

  @Option(names = "--feed-author-name", paramLabel = "TEXT", description = "Feed author name.")
  String authorName = FeedInfo.OFFICIAL.authorName();

  @Option(names = "--feed-author-url", paramLabel = "URL", description = "Feed author URL.")
  String authorUrl = FeedInfo.OFFICIAL.authorUrl();

  @Option(
      names = "--feed-refresh-job-url",
      paramLabel = "URL",
      description = "Link to the job that refreshes the feed (_kubernetes_io.feed_refresh_job).")
  String refreshJobUrl = FeedInfo.OFFICIAL.refreshJobUrl();

  @Option(
      names = "--formats",
      paramLabel = "LIST",
      split = ",",
      description =
          "Formats to publish: all (default) or a list of json, markdown, html, rss, atom, osv."
              + " The JSON feed is always published.")
  List<String> formats = new ArrayList<>(List.of("all"));

  @Mixin IntegrityOptions integrity = new IntegrityOptions();

  @Mixin CveRecordOptions cveRecords = new CveRecordOptions();

  @Mixin PublishTargetOptions targets = new PublishTargetOptions();

  @Option(
      names = "--notify-webhook",
      paramLabel = "URL",
      description =
          "POST a JSON message (Slack-compatible) here for each new CVE and status change, after"
              + " publishing; repeatable.")
  List<URI> notifyWebhooks = new ArrayList<>();

  /** The directory published to when no target is given. */
  static final Path DEFAULT_OUT = Path.of("public");

  /** The formats to publish. */
  Set<Format> formats() throws UsageException {
    try {
      return Format.parse(formats);
    } catch (IllegalArgumentException e) {
      throw new UsageException(String.valueOf(e.getMessage()));
    }
  }

  /** The settings, after reporting every problem of every option at once. */
  RefreshConfig toConfig(Map<String, String> env) throws UsageException {
    Problems problems = new Problems();
    RefreshConfig config = toConfig(env, problems);
    problems.throwIfAny();
    return config;
  }

  /**
   * The settings, adding every problem to {@code problems} (stand-ins take the place of values that
   * do not parse, so that every option is checked); a command with options of its own adds theirs
   * to the same {@code problems}.
   */
  RefreshConfig toConfig(Map<String, String> env, Problems problems) {
    problems.check(this::formats);
    List<URI> targets = new ArrayList<>();
    if (out != null || publish.isEmpty()) {
      targets.add((out == null ? DEFAULT_OUT : out).toAbsolutePath().normalize().toUri());
    }
    for (String p : publish) {
      URI target = problems.check(() -> RefreshConfig.parseTarget(p));
      if (target != null) {
        targets.add(target);
      }
    }
    validateWebhooks(problems);
    cveRecords.validate(problems);
    String token = env.get("GITHUB_TOKEN");
    RefreshConfig config =
        new RefreshConfig(
            problems.check(this::api, URI.create(RefreshConfig.DEFAULT_API)),
            repo,
            label,
            token == null || token.isBlank() ? null : token.strip(),
            cacheDir != null ? cacheDir : RefreshConfig.defaultCacheDir(env),
            problems.check(() -> Durations.parse("--max-wait", maxWait), Duration.ZERO),
            concurrency,
            targets,
            allowShrink,
            new FeedInfo(
                feedTitle,
                homePageUrl,
                feedUrl,
                description,
                authorName,
                authorUrl,
                refreshJobUrl));
    config.validate(problems);
    return config;
  }

  private void validateWebhooks(Problems problems) {
    for (URI w : notifyWebhooks) {
      String scheme = w.getScheme() == null ? "" : w.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("https") || scheme.equals("http")) || w.getHost() == null) {
        problems.add(
            "--notify-webhook "
                + WebhookNotifier.redact(w)
                + ": expected an http(s) URL with a host");
      }
    }
  }

  private URI api() throws UsageException {
    try {
      return new URI(
          githubApi.endsWith("/") ? githubApi.substring(0, githubApi.length() - 1) : githubApi);
    } catch (URISyntaxException e) {
      throw new UsageException("--github-api " + githubApi + ": not a URL (" + e.getReason() + ")");
    }
  }
}
