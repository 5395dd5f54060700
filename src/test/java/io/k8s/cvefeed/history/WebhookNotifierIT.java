package io.k8s.cvefeed.history;

import static io.k8s.cvefeed.history.HistoryFixtures.advisory;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.k8s.cvefeed.model.Advisory;
import io.k8s.cvefeed.model.Severity;
import io.k8s.cvefeed.model.Status;
import io.k8s.cvefeed.refresh.RefreshReport;
import io.k8s.cvefeed.refresh.TargetResult;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Notifications POSTed to webhook receivers served in-process on a loopback port. */
class WebhookNotifierIT {
  private static final Advisory KEPT =
      advisory("CVE-2026-3001", "Kept", Status.FIXED, Severity.LOW, "1.30.2");
  private static final Advisory OPEN =
      advisory("CVE-2026-3002", "Open then fixed", Status.OPEN, Severity.HIGH, "1.30.3");
  private static final Advisory FIXED =
      advisory("CVE-2026-3002", "Open then fixed", Status.FIXED, Severity.HIGH, "1.30.3");
  private static final Advisory EDITED =
      advisory("CVE-2026-3001", "Kept, retitled", Status.FIXED, Severity.LOW, "1.30.2");
  private static final Advisory GONE =
      advisory("CVE-2026-3003", "Withdrawn", Status.FIXED, null, "1.30.4");
  private static final Advisory NEW =
      advisory("CVE-2026-3004", "Brand <new>", Status.OPEN, Severity.CRITICAL, "1.30.5");

  private HttpServer server;

  /** Bodies accepted by any route, in arrival order. */
  private final List<JsonNode> accepted = Collections.synchronizedList(new ArrayList<>());

  private final AtomicInteger flakyCalls = new AtomicInteger();
  private final AtomicInteger downCalls = new AtomicInteger();
  private final AtomicInteger goneCalls = new AtomicInteger();
  private final List<Duration> waits = new ArrayList<>();
  private final List<String> log = new ArrayList<>();
  private WebhookNotifier notifier;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    // Accepts everything.
    server.createContext("/ok", ex -> answer(ex, 200, true));
    // Fails twice with 500, then accepts: every message arrives on the third attempt.
    server.createContext(
        "/flaky", ex -> answer(ex, flakyCalls.incrementAndGet() % 3 == 0 ? 200 : 500, true));
    // Always 503.
    server.createContext(
        "/down/secret-token", ex -> answer(ex, 503, downCalls.incrementAndGet() < 0));
    // 404: a permanent refusal, not worth retrying.
    server.createContext("/gone", ex -> answer(ex, 404, goneCalls.incrementAndGet() < 0));
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void answer(com.sun.net.httpserver.HttpExchange ex, int status, boolean keep)
      throws IOException {
    byte[] body = ex.getRequestBody().readAllBytes();
    if (status == 200 && keep) {
      accepted.add(JsonMapper.builder().build().readTree(body));
    }
    ex.sendResponseHeaders(status, -1);
    ex.close();
  }

  private URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  private Harness harness(String... paths) {
    Harness h = new Harness();
    List<URI> hooks = new ArrayList<>();
    for (String p : paths) {
      hooks.add(url(p));
    }
    notifier = new WebhookNotifier(h.history, hooks, log::add, jdk(), waits::add);
    return h.listener(notifier);
  }

  /** The production transport, reached through the public constructor's default. */
  private static WebhookNotifier.Transport jdk() {
    return WebhookNotifier.jdkTransport();
  }

  @Test
  void shouldNotifyExactlyTheNewCvesAndStatusChanges() throws Exception {
    Harness h = harness("/ok");
    h.refresh(KEPT, OPEN, GONE);
    assertThat(accepted).as("the first publish announces nothing").isEmpty();

    h.refresh(EDITED, FIXED, NEW);

    assertThat(accepted)
        .extracting(n -> n.path("kind").asString() + " " + n.path("id").asString())
        .containsExactly("added CVE-2026-3004", "status_changed CVE-2026-3002");
    JsonNode added = accepted.get(0);
    assertThat(added.path("text").asString())
        .isEqualTo(
            "Kubernetes CVE-2026-3004 new (CRITICAL): Brand &lt;new&gt;"
                + " <https://github.com/kubernetes/kubernetes/issues/103004|issue>");
    assertThat(added.path("severity").asString()).isEqualTo("CRITICAL");
    assertThat(added.path("url").asString()).isEqualTo(NEW.url());
    JsonNode changed = accepted.get(1);
    assertThat(changed.path("old_status").asString()).isEqualTo("open");
    assertThat(changed.path("status").asString()).isEqualTo("fixed");
    assertThat(waits).isEmpty();
  }

  @Test
  void shouldSendNothingWhenARefreshFindsNoChange() throws Exception {
    Harness h = harness("/ok");
    h.refresh(KEPT, OPEN);
    h.refresh(KEPT, FIXED);
    int before = accepted.size();

    h.refresh(KEPT, FIXED);

    assertThat(before).isEqualTo(1);
    assertThat(accepted).hasSize(before);
  }

  @Test
  void shouldRetryAReceiverThatFailsTwiceThenSucceeds() throws Exception {
    Harness h = harness("/flaky");
    h.refresh(KEPT);
    h.refresh(KEPT, NEW);

    assertThat(accepted).extracting(n -> n.path("id").asString()).containsExactly("CVE-2026-3004");
    assertThat(flakyCalls).hasValue(3);
    assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    assertThat(log).isEmpty();
  }

  @Test
  void shouldSayInWordsThatAReceiverRefusedTheConnection() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    Harness h = new Harness();
    notifier =
        new WebhookNotifier(
            h.history,
            List.of(URI.create("http://127.0.0.1:" + closed + "/hook/secret-token")),
            log::add,
            jdk(),
            waits::add);
    h.listener(notifier);
    h.refresh(KEPT);

    h.refresh(KEPT, NEW);

    assertThat(log).hasSize(1);
    assertThat(log.get(0))
        .contains(
            "not delivered (connection refused by 127.0.0.1:" + closed + ";",
            "check --notify-webhook")
        .doesNotContain("ConnectException", "secret-token");
  }

  @Test
  void shouldPublishAndCountWhenAReceiverAlwaysFails() throws Exception {
    Harness h = harness("/down/secret-token", "/ok");
    h.refresh(KEPT);

    RefreshReport report = h.refresh(KEPT, NEW);

    assertThat(report.targets())
        .extracting(TargetResult::outcome)
        .containsExactly(TargetResult.Outcome.PUBLISHED);
    assertThat(h.events().get(0).id()).isEqualTo("CVE-2026-3004");
    assertThat(downCalls).hasValue(WebhookNotifier.MAX_ATTEMPTS);
    assertThat(waits)
        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
    assertThat(accepted).as("the other receiver still gets it").hasSize(1);
    assertThat(log).hasSize(1);
    assertThat(log.get(0))
        .startsWith("webhook http://127.0.0.1:")
        .contains("added CVE-2026-3004 not delivered (HTTP 503)")
        .doesNotContain("secret-token");
    assertThat(notifier.failed()).isEqualTo(1);
    assertThat(notifier.delivered()).isEqualTo(1);
  }

  @Test
  void shouldNotRetryAPermanentRefusal() throws Exception {
    Harness h = harness("/gone");
    h.refresh(KEPT);
    h.refresh(KEPT, NEW);

    assertThat(goneCalls).hasValue(1);
    assertThat(waits).isEmpty();
    assertThat(log).singleElement().asString().contains("HTTP 404");
  }

  @Test
  void shouldNotifyOnlyOnceTheReleaseIsPublished() throws Exception {
    Harness h = harness("/ok");
    h.refresh(KEPT);
    h.target.failing = true;
    h.refresh(KEPT, NEW);
    assertThat(accepted).as("nothing while the target refuses").isEmpty();

    h.target.failing = false;
    h.refresh(KEPT, NEW);
    h.refresh(KEPT, NEW);

    assertThat(accepted).extracting(n -> n.path("id").asString()).containsExactly("CVE-2026-3004");
  }

  @Test
  void shouldStopTryingADeadReceiverForTheRestOfARefresh() throws Exception {
    Harness h = harness("/down/secret-token", "/ok");
    h.refresh(KEPT, OPEN);

    h.refresh(KEPT, FIXED, NEW);

    assertThat(downCalls).hasValue(WebhookNotifier.MAX_ATTEMPTS);
    assertThat(notifier.failed()).isEqualTo(2);
    assertThat(notifier.delivered()).isEqualTo(2);
    assertThat(log).hasSize(2);
    assertThat(log.get(1)).contains("status_changed CVE-2026-3002 not delivered (skipped:");
  }
}
