package io.k8s.cvefeed.server;

import io.k8s.cvefeed.refresh.RefreshReport;
import io.k8s.cvefeed.refresh.TargetResult;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * {@code cvefeed serve}: serves the artifact directory over HTTP and keeps it fresh by running
 * refreshes at start, on a schedule, on signed GitHub webhooks and on an authenticated admin
 * request, one at a time. Build with {@link #builder(Path, RefreshRunner)}, then {@link #start()};
 * {@link #close()} stops it gracefully.
 */
public final class FeedServer implements AutoCloseable {
  private final FeedServerBuilder config;
  private final ServeLog log;
  private final ServerMetrics metrics = new ServerMetrics();
  private final Readiness readiness;
  private final ScheduledExecutorService scheduler;
  private final RefreshLoop loop;
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicBoolean closing = new AtomicBoolean();
  private final CountDownLatch closed = new CountDownLatch(1);
  private @Nullable HttpTransport http;
  private @Nullable ExecutorService httpExecutor;

  FeedServer(FeedServerBuilder config) {
    this.config = config;
    this.log = new ServeLog(config.logFormat, config.logSink, config.clock);
    this.readiness = new Readiness(config.artifactDir, config.clock, config.staleAfter);
    ScheduledExecutorService given = config.scheduler;
    this.scheduler = given != null ? given : Threads.scheduler();
    Duration jitter =
        config.jitter != null ? config.jitter : FeedServerBuilder.defaultJitter(config.interval);
    this.loop = new RefreshLoop(config.runner, scheduler, config.interval, jitter, this::finished);
  }

  /**
   * Starts a server builder.
   *
   * @param artifactDir the directory the refresh publishes into ({@code --out}); served as is
   * @param runner runs one refresh, e.g. {@code refresher::refresh}
   */
  public static FeedServerBuilder builder(Path artifactDir, RefreshRunner runner) {
    return new FeedServerBuilder(artifactDir, runner);
  }

  /**
   * Binds the port, starts serving and runs the first refresh in the background.
   *
   * @throws IOException when the address cannot be bound
   * @throws IllegalStateException when called twice
   */
  public FeedServer start() throws IOException {
    if (closing.get() || !started.compareAndSet(false, true)) {
      throw new IllegalStateException("server: already started or stopped");
    }
    ExecutorService executor = Threads.httpPool(config.httpThreads);
    HttpTransport server;
    try {
      server = HttpTransport.start(config.bind, config.ioThreads, router(), executor);
    } catch (IOException e) {
      executor.shutdown();
      throw new IOException(
          "server: cannot listen on " + config.bind + " (" + e.getMessage() + ")", e);
    }
    http = server;
    httpExecutor = executor;
    Instant seeded = readiness.seedFromDirectory();
    if (seeded != null) {
      metrics.seedLastSuccess(seeded);
    }
    log.line("info", "serving")
        .with("address", address().toString())
        .with("dir", config.artifactDir.toString())
        .with("webhook", config.webhookSecret != null ? "on" : "off")
        .with("admin_refresh", config.adminToken != null ? "on" : "off")
        .with("interval_s", config.interval.toSeconds())
        .with("stale_after_s", config.staleAfter.toSeconds())
        .write();
    loop.start();
    return this;
  }

  private Router router() {
    ArtifactFiles files = new ArtifactFiles(config.artifactDir, config.fileRecheck);
    WebhookRoute webhook = new WebhookRoute(config.webhookSecret, config.feedLabel, loop::trigger);
    return new Router(
        new ArtifactRoute(files),
        webhook,
        config.adminToken,
        loop::trigger,
        readiness,
        metrics,
        log);
  }

  /** The bound address; with port 0 the port the system chose. */
  public InetSocketAddress address() {
    HttpTransport server = http;
    if (server == null) {
      throw new IllegalStateException("server: not started");
    }
    return server.address();
  }

  public int port() {
    return address().getPort();
  }

  /** The metrics, e.g. for the refresh pipeline to report GitHub response codes. */
  public ServerMetrics metrics() {
    return metrics;
  }

  /**
   * Asks for a refresh now; joins a pending one if a refresh is running.
   *
   * @return {@code false} when the server is stopping
   */
  public boolean triggerRefresh(String reason) {
    return loop.trigger(reason);
  }

  /**
   * Stops gracefully: refuses new triggers, waits for a running refresh to finish (up to the
   * builder's shutdown timeout), then stops the HTTP server. Idempotent; a second caller waits for
   * the first to finish.
   */
  @Override
  public void close() {
    if (!closing.compareAndSet(false, true)) {
      awaitQuietly();
      return;
    }
    boolean interrupted = false;
    boolean finished = false;
    try {
      finished = loop.close(config.shutdownTimeout);
    } catch (InterruptedException e) {
      interrupted = true;
    }
    HttpTransport server = http;
    if (server != null) {
      server.close();
    }
    ExecutorService executor = httpExecutor;
    if (executor != null) {
      executor.shutdown();
    }
    if (config.scheduler == null) {
      scheduler.shutdown();
    }
    log.line(finished ? "info" : "warn", "stopped").with("refresh_finished", finished).write();
    closed.countDown();
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Waits until no refresh is running or pending; for tests. */
  boolean awaitIdle(Duration timeout) throws InterruptedException {
    return loop.awaitIdle(timeout);
  }

  /** Blocks until {@link #close()} has finished, e.g. in the CLI's main thread. */
  public void awaitClosed() throws InterruptedException {
    closed.await();
  }

  private void awaitQuietly() {
    try {
      closed.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void finished(RefreshLoop.Run run) {
    Instant now = config.clock.instant();
    RefreshReport report = run.report();
    if (report == null) {
      Exception error = run.error();
      String message = error == null ? "unknown error" : describe(error);
      metrics.refreshFailed(run.elapsed());
      readiness.failed(message);
      log.line("error", "refresh")
          .with("outcome", "failure")
          .with("reason", run.reason())
          .with("elapsed_ms", run.elapsed().toMillis())
          .with("error", message)
          .write();
      return;
    }
    metrics.refreshSucceeded(report, run.elapsed(), now);
    String failure = firstFailure(report);
    if (failure == null) {
      readiness.succeeded(now);
    } else {
      readiness.failed(failure);
    }
    logReport(run, report, failure);
  }

  private void logReport(RefreshLoop.Run run, RefreshReport report, @Nullable String failure) {
    ServeLog.Line line =
        log.line(failure == null ? "info" : "warn", "refresh")
            .with("outcome", failure == null ? "success" : "partial")
            .with("reason", run.reason())
            .with("elapsed_ms", run.elapsed().toMillis())
            .with("items", report.items())
            .with("skipped", report.skipped())
            .with("issues", report.issues())
            .with("requests", report.requests())
            .with("not_modified", report.notModified())
            .with("rate_limit_remaining", report.rateLimitRemaining())
            .with("digest", report.digest());
    for (TargetResult t : report.targets()) {
      line.with("target." + ServerMetrics.redact(t.target()), t.outcome().wireName());
    }
    line.with("error", failure).write();
  }

  private static @Nullable String firstFailure(RefreshReport report) {
    for (TargetResult t : report.targets()) {
      if (t.outcome() == TargetResult.Outcome.FAILED
          || t.outcome() == TargetResult.Outcome.REFUSED) {
        String error = t.error();
        return ServerMetrics.redact(t.target())
            + ": "
            + (error != null ? error : t.outcome().wireName());
      }
    }
    return null;
  }

  private static String describe(Exception e) {
    String message = e.getMessage();
    return message != null ? message : e.getClass().getSimpleName();
  }
}
