package io.k8s.cvefeed.github;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/** Settings for a {@link GitHubClient}; every one has a default. */
public final class GitHubClientBuilder {
  /** The public GitHub API. */
  public static final URI DEFAULT_API = URI.create("https://api.github.com");

  URI apiBase = DEFAULT_API;
  @Nullable String token;
  EtagCache cache = EtagCache.none();
  RequestListener listener = RequestListener.NONE;
  Clock clock = Clock.systemUTC();
  Sleeper sleeper = Sleeper.system();
  Random random = new Random();
  int maxTries = 5;
  Duration maxWait = Duration.ofMinutes(5);
  Duration backoffBase = Duration.ofMillis(500);
  Duration backoffMax = Duration.ofSeconds(30);
  int concurrency = 8;
  Duration connectTimeout = Duration.ofSeconds(10);
  Duration requestTimeout = Duration.ofSeconds(60);
  String userAgent = "cvefeed";
  long maxBodyBytes = LimitedBody.DEFAULT_MAX_BYTES;

  GitHubClientBuilder() {}

  /** The API base URL (default {@code https://api.github.com}); plain http uses HTTP/1.1. */
  public GitHubClientBuilder apiBase(URI apiBase) {
    String scheme = apiBase.getScheme();
    if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
      throw new IllegalArgumentException(
          "--github-api: expected an http or https URL, got " + StatusText.display(apiBase));
    }
    this.apiBase = apiBase;
    return this;
  }

  /**
   * The token sent as {@code Authorization: Bearer}, or {@code null} (or blank) for none. It is
   * never printed, logged or put in a message.
   */
  public GitHubClientBuilder token(@Nullable String token) {
    if (token == null || token.isBlank()) {
      this.token = null;
      return this;
    }
    String trimmed = token.strip();
    if (!trimmed.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new IllegalArgumentException(
          "GITHUB_TOKEN: contains characters not allowed in an HTTP header");
    }
    this.token = trimmed;
    return this;
  }

  /** Where page ETags and bodies are kept (default: nowhere). */
  public GitHubClientBuilder etagCache(EtagCache cache) {
    this.cache = Objects.requireNonNull(cache);
    return this;
  }

  /** Told about every request (default: nobody). */
  public GitHubClientBuilder requestListener(RequestListener listener) {
    this.listener = Objects.requireNonNull(listener);
    return this;
  }

  /** The clock rate-limit resets are measured against (default: system UTC). */
  public GitHubClientBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock);
    return this;
  }

  /** How retries and rate limits wait (default: {@code Thread.sleep}). */
  public GitHubClientBuilder sleeper(Sleeper sleeper) {
    this.sleeper = Objects.requireNonNull(sleeper);
    return this;
  }

  /** The jitter source (default: a new {@link Random}). */
  public GitHubClientBuilder random(Random random) {
    this.random = Objects.requireNonNull(random);
    return this;
  }

  /** Tries per request for 5xx, resets and bad bodies (default 5). */
  public GitHubClientBuilder maxTries(int maxTries) {
    this.maxTries = atLeastOne("maxTries", maxTries);
    return this;
  }

  /** The longest total wait for rate limits per request before failing (default 5 min). */
  public GitHubClientBuilder maxWait(Duration maxWait) {
    if (maxWait.isNegative()) {
      throw new IllegalArgumentException("--max-wait: must not be negative, got " + maxWait);
    }
    this.maxWait = maxWait;
    return this;
  }

  /** Backoff after the n-th failure: random in [0, min(max, base * 2^(n-1))] (500 ms, 30 s). */
  public GitHubClientBuilder backoff(Duration base, Duration max) {
    if (base.isNegative() || max.isNegative()) {
      throw new IllegalArgumentException("backoff: must not be negative");
    }
    this.backoffBase = base;
    this.backoffMax = max;
    return this;
  }

  /** Listing pages fetched at once (default 8). */
  public GitHubClientBuilder concurrency(int concurrency) {
    this.concurrency = atLeastOne("concurrency", concurrency);
    return this;
  }

  /** Connect timeout (default 10 s) and time to wait for a response (default 60 s). */
  public GitHubClientBuilder timeouts(Duration connect, Duration request) {
    this.connectTimeout = Objects.requireNonNull(connect);
    this.requestTimeout = Objects.requireNonNull(request);
    return this;
  }

  /** The {@code User-Agent} header (default {@code cvefeed}); GitHub requires one. */
  public GitHubClientBuilder userAgent(String userAgent) {
    this.userAgent = Objects.requireNonNull(userAgent);
    return this;
  }

  /**
   * The largest answer accepted, after gzip decoding (default 64 MiB): a page of 100 issues is a
   * few megabytes, so anything near this is a misbehaving server or a gzip bomb.
   */
  public GitHubClientBuilder maxBodyBytes(long maxBodyBytes) {
    if (maxBodyBytes < 1) {
      throw new IllegalArgumentException("maxBodyBytes: expected at least 1, got " + maxBodyBytes);
    }
    this.maxBodyBytes = maxBodyBytes;
    return this;
  }

  public GitHubClient build() {
    return new GitHubClient(this);
  }

  private static int atLeastOne(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + ": must be at least 1, got " + value);
    }
    return value;
  }
}
