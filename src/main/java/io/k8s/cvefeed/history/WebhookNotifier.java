package io.k8s.cvefeed.history;

import io.k8s.cvefeed.net.NetworkFailure;
import io.k8s.cvefeed.refresh.RefreshListener;
import io.k8s.cvefeed.refresh.RefreshReport;
import io.k8s.cvefeed.refresh.TargetResult;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * POSTs a {@link WebhookMessage} to every webhook for each new CVE and each status change, after
 * the release that recorded them was published to the target the history was read from. A failed
 * delivery is retried with doubling waits, then logged and counted; it never undoes or blocks the
 * publish. A receiver that fails every attempt is skipped for the rest of that refresh's events
 * (logged and counted as failed), so a dead receiver costs one retry cycle per refresh. Messages
 * never name the webhook URL beyond its host, since the URL is often a secret.
 */
public final class WebhookNotifier implements RefreshListener {
  static final int MAX_ATTEMPTS = 4;
  static final Duration FIRST_WAIT = Duration.ofSeconds(1);
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final ChangeHistory history;
  private final List<URI> webhooks;
  private final Transport transport;
  private final Sleeper sleeper;
  private final Consumer<String> log;
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();

  /** Waits between attempts; tests pass one that returns at once. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  /** Sends one POST and returns the HTTP status. */
  @FunctionalInterface
  public interface Transport {
    int post(URI url, byte[] json) throws IOException, InterruptedException;
  }

  /** Sends with the JDK HTTP client and really waits between attempts. */
  public WebhookNotifier(ChangeHistory history, List<URI> webhooks, Consumer<String> log) {
    this(history, webhooks, log, jdkTransport(), duration -> Thread.sleep(duration.toMillis()));
  }

  public WebhookNotifier(
      ChangeHistory history,
      List<URI> webhooks,
      Consumer<String> log,
      Transport transport,
      Sleeper sleeper) {
    this.history = history;
    this.webhooks = List.copyOf(webhooks);
    this.log = log;
    this.transport = transport;
    this.sleeper = sleeper;
  }

  @Override
  public void refreshed(RefreshReport report) {
    ChangeHistory.Pending pending = history.takePending();
    if (pending == null || !publishedTo(report, pending.target())) {
      return;
    }
    Set<URI> down = new HashSet<>();
    for (ChangeEvent event : pending.events()) {
      if (!event.notifies()) {
        continue;
      }
      byte[] body = WebhookMessage.of(event);
      for (URI webhook : webhooks) {
        if (down.contains(webhook)) {
          failed.incrementAndGet();
          log.accept(notDelivered(webhook, event, "skipped: it failed earlier in this refresh"));
          continue;
        }
        try {
          if (!deliver(webhook, body, event)) {
            down.add(webhook);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          log.accept("webhook: interrupted; remaining notifications not sent");
          return;
        }
      }
    }
  }

  /** Messages a receiver accepted (2xx). */
  public long delivered() {
    return delivered.get();
  }

  /** Messages given up on after every attempt, or refused outright (4xx). */
  public long failed() {
    return failed.get();
  }

  /** Whether the receiver took the message; a receiver that gave up is not retried this time. */
  private boolean deliver(URI webhook, byte[] body, ChangeEvent event) throws InterruptedException {
    Duration wait = FIRST_WAIT;
    String problem = "";
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      if (attempt > 1) {
        sleeper.sleep(wait);
        wait = wait.multipliedBy(2);
      }
      try {
        int status = transport.post(webhook, body);
        if (status / 100 == 2) {
          delivered.incrementAndGet();
          return true;
        }
        problem = "HTTP " + status;
        if (status != 429 && status / 100 == 4) {
          break;
        }
      } catch (IOException e) {
        problem = NetworkFailure.of(webhook, e).text() + "; check --notify-webhook";
      }
    }
    failed.incrementAndGet();
    log.accept(notDelivered(webhook, event, problem));
    return false;
  }

  private static String notDelivered(URI webhook, ChangeEvent event, String why) {
    return "webhook "
        + redact(webhook)
        + ": "
        + event.kind().wireName()
        + " "
        + event.id()
        + " not delivered ("
        + why
        + "); the feed was published regardless";
  }

  private static boolean publishedTo(RefreshReport report, String target) {
    return report.targets().stream()
        .anyMatch(t -> t.target().equals(target) && t.outcome() == TargetResult.Outcome.PUBLISHED);
  }

  /** {@code https://hooks.example.com/…}: webhook paths often carry the secret. */
  public static String redact(URI webhook) {
    return webhook.getScheme()
        + "://"
        + (webhook.getHost() == null ? "?" : webhook.getHost())
        + (webhook.getPort() < 0 ? "" : ":" + webhook.getPort())
        + "/…";
  }

  static Transport jdkTransport() {
    HttpClient client =
        HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    return (url, json) ->
        client
            .send(
                HttpRequest.newBuilder(url)
                    .timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "cvefeed")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json))
                    .build(),
                HttpResponse.BodyHandlers.discarding())
            .statusCode();
  }
}
