package io.k8s.cvefeed.server;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** Configures a {@link FeedServer}; every setting has a default except the directory and runner. */
public final class FeedServerBuilder {
  /** The label that puts an issue in the feed. */
  public static final String DEFAULT_LABEL = "official-cve-feed";

  final Path artifactDir;
  final RefreshRunner runner;
  InetSocketAddress bind = new InetSocketAddress(8080);
  Duration interval = Duration.ofHours(2);
  @Nullable Duration jitter;
  Duration staleAfter = Duration.ofHours(6);
  Duration shutdownTimeout = Duration.ofMinutes(10);
  Duration fileRecheck = ArtifactFiles.RECHECK;
  byte @Nullable [] webhookSecret;
  @Nullable String adminToken;
  String feedLabel = DEFAULT_LABEL;
  Clock clock = Clock.systemUTC();
  @Nullable ScheduledExecutorService scheduler;
  LogFormat logFormat = LogFormat.TEXT;
  Consumer<String> logSink = System.err::println;
  int httpThreads = Math.max(8, 4 * Runtime.getRuntime().availableProcessors());
  int ioThreads = Math.max(1, Runtime.getRuntime().availableProcessors());

  FeedServerBuilder(Path artifactDir, RefreshRunner runner) {
    this.artifactDir = artifactDir;
    this.runner = runner;
  }

  /** Where to listen; default {@code 0.0.0.0:8080}. Port 0 picks a free port. */
  public FeedServerBuilder bind(InetSocketAddress address) {
    this.bind = address;
    return this;
  }

  /** Time between scheduled refreshes; default 2 h. */
  public FeedServerBuilder interval(Duration interval) {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval: must be positive, got " + interval);
    }
    this.interval = interval;
    return this;
  }

  /** At most this much random delay is added to each interval; default interval/24, ≤ 5 min. */
  public FeedServerBuilder jitter(Duration jitter) {
    if (jitter.isNegative()) {
      throw new IllegalArgumentException("jitter: must not be negative, got " + jitter);
    }
    this.jitter = jitter;
    return this;
  }

  /** {@code /readyz} fails once the last successful refresh is this old; default 6 h. */
  public FeedServerBuilder staleAfter(Duration staleAfter) {
    this.staleAfter = staleAfter;
    return this;
  }

  /** How long {@link FeedServer#close()} waits for a running refresh; default 10 min. */
  public FeedServerBuilder shutdownTimeout(Duration timeout) {
    this.shutdownTimeout = timeout;
    return this;
  }

  /** The GitHub webhook secret; {@code null} (default) turns {@code /hooks/github} off (404). */
  public FeedServerBuilder webhookSecret(byte @Nullable [] secret) {
    this.webhookSecret = secret == null || secret.length == 0 ? null : secret.clone();
    return this;
  }

  /** The bearer token for {@code POST /refresh}; {@code null} (default) turns it off (404). */
  public FeedServerBuilder adminToken(@Nullable String token) {
    this.adminToken = token == null || token.isEmpty() ? null : token;
    return this;
  }

  /** Webhook deliveries about issues without this label are ignored. */
  public FeedServerBuilder feedLabel(String label) {
    this.feedLabel = label;
    return this;
  }

  public FeedServerBuilder clock(Clock clock) {
    this.clock = clock;
    return this;
  }

  /**
   * Runs refreshes and the schedule; default a private single daemon thread, shut down on close. A
   * given scheduler is not shut down.
   */
  public FeedServerBuilder scheduler(ScheduledExecutorService scheduler) {
    this.scheduler = scheduler;
    return this;
  }

  public FeedServerBuilder logFormat(LogFormat format) {
    this.logFormat = format;
    return this;
  }

  /** Receives each log line (no newline); default standard error. */
  public FeedServerBuilder logSink(Consumer<String> sink) {
    this.logSink = sink;
    return this;
  }

  /**
   * Worker threads for requests that may block: webhooks, readiness, metrics, the first read of a
   * file after it changed; default max(8, 4 × CPUs). Files held in memory are answered on the I/O
   * threads.
   */
  public FeedServerBuilder httpThreads(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("httpThreads: must be at least 1, got " + threads);
    }
    this.httpThreads = threads;
    return this;
  }

  /** Event-loop threads reading and writing connections; default one per CPU. */
  public FeedServerBuilder ioThreads(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("ioThreads: must be at least 1, got " + threads);
    }
    this.ioThreads = threads;
    return this;
  }

  /** How long a served file's version is trusted before it is checked again; for tests. */
  FeedServerBuilder fileRecheck(Duration recheck) {
    this.fileRecheck = recheck;
    return this;
  }

  public FeedServer build() {
    return new FeedServer(this);
  }

  static Duration defaultJitter(Duration interval) {
    Duration share = interval.dividedBy(24);
    Duration cap = Duration.ofMinutes(5);
    return share.compareTo(cap) > 0 ? cap : share;
  }
}
