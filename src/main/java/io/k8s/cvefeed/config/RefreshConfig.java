package io.k8s.cvefeed.config;

import io.k8s.cvefeed.model.FeedInfo;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Everything one refresh needs.
 *
 * @param githubApi the REST API base, e.g. {@code https://api.github.com}
 * @param repo {@code owner/name}
 * @param label the feed label
 * @param token the GitHub token, or {@code null} for anonymous requests
 * @param cacheDir where page ETags and bodies are kept
 * @param maxWait the longest wait for a rate limit to reset before failing
 * @param concurrency pages fetched at once
 * @param targets where to publish: {@code file://}, {@code gs://}, {@code s3://}, {@code git+…}
 * @param allowShrink publish even if the feed lost many items
 * @param info the feed envelope texts
 */
public record RefreshConfig(
    URI githubApi,
    String repo,
    String label,
    @Nullable String token,
    Path cacheDir,
    Duration maxWait,
    int concurrency,
    List<URI> targets,
    boolean allowShrink,
    FeedInfo info) {

  public static final String DEFAULT_API = "https://api.github.com";
  public static final String DEFAULT_REPO = "kubernetes/kubernetes";
  public static final String DEFAULT_LABEL = "official-cve-feed";
  static final Set<String> SCHEMES = Set.of("file", "gs", "s3", "git+https", "git+file");

  public RefreshConfig {
    targets = List.copyOf(targets);
  }

  public String owner() {
    return repo.substring(0, repo.indexOf('/'));
  }

  public String name() {
    return repo.substring(repo.indexOf('/') + 1);
  }

  /** Checks every setting and reports all problems at once. */
  public RefreshConfig validate() throws UsageException {
    Problems problems = new Problems();
    validate(problems);
    problems.throwIfAny();
    return this;
  }

  /** Adds every problem of these settings to {@code problems}. */
  public void validate(Problems problems) {
    String scheme = githubApi.getScheme();
    if (scheme == null
        || !(scheme.equals("https") || scheme.equals("http"))
        || githubApi.getHost() == null) {
      problems.add(
          "--github-api " + githubApi + ": expected an http(s) URL such as " + DEFAULT_API);
    }
    if (!repo.matches("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")) {
      problems.add("--repo " + repo + ": expected OWNER/NAME such as " + DEFAULT_REPO);
    }
    if (label.isBlank()) {
      problems.add("--label: must not be empty");
    }
    if (maxWait.isNegative()) {
      problems.add("--max-wait " + maxWait + ": must not be negative");
    }
    if (concurrency < 1 || concurrency > 32) {
      problems.add("--concurrency " + concurrency + ": expected 1 to 32");
    }
    if (targets.isEmpty()) {
      problems.add("no publish target; give --out DIR or --publish URI");
    }
    for (URI t : targets) {
      String s = t.getScheme() == null ? "" : t.getScheme().toLowerCase(Locale.ROOT);
      if (!SCHEMES.contains(s)) {
        problems.add(
            "--publish "
                + t
                + ": unknown target; expected file://DIR, gs://BUCKET/PREFIX, s3://BUCKET/PREFIX,"
                + " git+https://… or git+file://…");
      }
    }
  }

  /** {@code $XDG_CACHE_HOME/cvefeed}, else {@code ~/.cache/cvefeed}. */
  public static Path defaultCacheDir(Map<String, String> env) {
    String xdg = env.get("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "cvefeed");
    }
    String home = env.getOrDefault("HOME", System.getProperty("user.home", "."));
    return Path.of(home, ".cache", "cvefeed");
  }

  /** Parses a {@code --publish} value; a plain path means a directory. */
  public static URI parseTarget(String text) throws UsageException {
    if (!text.contains("://")) {
      return Path.of(text).toAbsolutePath().normalize().toUri();
    }
    try {
      return new URI(text);
    } catch (URISyntaxException e) {
      throw new UsageException("--publish " + text + ": not a URI (" + e.getReason() + ")");
    }
  }
}
