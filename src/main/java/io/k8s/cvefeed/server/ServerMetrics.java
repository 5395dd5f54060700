package io.k8s.cvefeed.server;

import io.k8s.cvefeed.refresh.RefreshReport;
import io.k8s.cvefeed.refresh.TargetResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.DoubleSupplier;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The server's Prometheus metrics. Every series is named {@code cvefeed_*}; {@code docs/serve.md}
 * lists them. The refresh pipeline may report GitHub response codes through {@link
 * #githubResponse(int)}.
 */
public final class ServerMetrics {
  /** The content type of {@link #scrape()}. */
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private static final Pattern USER_INFO = Pattern.compile("://[^/@]*@");
  private static final Duration[] REFRESH_BUCKETS = {
    Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
    Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1),
    Duration.ofMinutes(2), Duration.ofMinutes(5)
  };

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Timer refreshDuration;
  private final Counter githubRequests;
  private final Counter githubNotModified;
  private final ConcurrentMap<String, Counter> counters = new ConcurrentHashMap<>();
  private volatile double lastSuccess = Double.NaN;
  private volatile double items = Double.NaN;
  private volatile double skipped = Double.NaN;
  private volatile double rateLimitRemaining = Double.NaN;

  ServerMetrics() {
    refreshDuration =
        Timer.builder("cvefeed.refresh.duration")
            .description("How long refresh cycles took, failed ones included")
            .serviceLevelObjectives(REFRESH_BUCKETS)
            .register(registry);
    githubRequests =
        Counter.builder("cvefeed.github.requests")
            .description("GitHub requests sent by refreshes, retries included")
            .register(registry);
    githubNotModified =
        Counter.builder("cvefeed.github.not.modified")
            .description("GitHub pages answered 304 Not Modified")
            .register(registry);
    gauge("cvefeed.last.success.timestamp", "seconds", "Unix time of the last successful refresh");
    Gauge.builder("cvefeed.feed.items", this, m -> m.items)
        .description("Items in the feed after the last refresh")
        .register(registry);
    Gauge.builder("cvefeed.skipped.issues", this, m -> m.skipped)
        .description("Issues left out of the feed by the last refresh")
        .register(registry);
    Gauge.builder("cvefeed.github.rate.limit.remaining", this, m -> m.rateLimitRemaining)
        .description("The GitHub rate limit remaining after the last refresh")
        .register(registry);
  }

  private void gauge(String name, String unit, String description) {
    Gauge.builder(name, this, m -> m.lastSuccess)
        .baseUnit(unit)
        .description(description)
        .register(registry);
  }

  /**
   * A gauge read from another part of the pipeline when scraped, e.g. the CVE record source's
   * health; {@code NaN} means unknown.
   */
  public void gauge(String name, String description, DoubleSupplier value) {
    Gauge.builder(name, value, DoubleSupplier::getAsDouble)
        .description(description)
        .register(registry);
  }

  /** Counts one GitHub response by HTTP status; for the refresh pipeline to call. */
  public void githubResponse(int status) {
    counter("cvefeed.github.responses", "status", Integer.toString(status)).increment();
  }

  /** The metrics in the Prometheus text format. */
  public String scrape() {
    return registry.scrape();
  }

  void refreshSucceeded(RefreshReport report, Duration elapsed, Instant now) {
    refreshDuration.record(elapsed);
    counter("cvefeed.refreshes", "outcome", report.anyFailed() ? "partial" : "success").increment();
    if (!report.anyFailed()) {
      lastSuccess = now.toEpochMilli() / 1000.0;
    }
    items = report.items();
    skipped = report.skipped();
    githubRequests.increment(report.requests());
    githubNotModified.increment(report.notModified());
    Integer remaining = report.rateLimitRemaining();
    if (remaining != null) {
      rateLimitRemaining = remaining;
    }
    for (TargetResult t : report.targets()) {
      counter("cvefeed.publishes", "target", redact(t.target()), "outcome", t.outcome().wireName())
          .increment();
    }
  }

  void refreshFailed(Duration elapsed) {
    refreshDuration.record(elapsed);
    counter("cvefeed.refreshes", "outcome", "failure").increment();
  }

  /** Seeds the last-success gauge from a feed published before this process started. */
  void seedLastSuccess(Instant at) {
    lastSuccess = at.toEpochMilli() / 1000.0;
  }

  void webhook(String outcome, String reason) {
    counter("cvefeed.webhook.deliveries", "outcome", outcome, "reason", reason).increment();
  }

  void httpRequest(String route, int status) {
    counter("cvefeed.http.requests", "route", route, "status", Integer.toString(status))
        .increment();
  }

  /** A target URI without user info, so that credentials in a URI never reach a label or log. */
  static String redact(String target) {
    return USER_INFO.matcher(target).replaceFirst("://");
  }

  private Counter counter(String name, String... tags) {
    String key = name + "\0" + String.join("\0", tags);
    @Nullable Counter c = counters.get(key);
    if (c == null) {
      c = counters.computeIfAbsent(key, k -> registry.counter(name, tags));
    }
    return c;
  }
}
