package io.k8s.cvefeed.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class WebhookIT {
  /** An issue gaining the feed label: the delivery that must refresh the feed. */
  private static final String LABELED =
      """
      {"action":"labeled","label":{"name":"official-cve-feed"},
       "issue":{"number":118640,"labels":[{"name":"official-cve-feed"},{"name":"area/security"}]}}
      """;

  /** An edit to an issue already in the feed: only the issue's labels name the feed label. */
  private static final String EDITED_IN_FEED =
      """
      {"action":"edited","issue":{"number":118640,"labels":[{"name":"official-cve-feed"}]}}
      """;

  /** A label change on an unrelated issue. */
  private static final String OTHER_LABEL =
      """
      {"action":"labeled","label":{"name":"kind/bug"},"issue":{"number":1,"labels":[{"name":"kind/bug"}]}}
      """;

  /** An action that never changes the feed, on a feed issue. */
  private static final String ASSIGNED =
      """
      {"action":"assigned","issue":{"number":118640,"labels":[{"name":"official-cve-feed"}]}}
      """;

  @TempDir Path dir;
  private ServerHarness h;

  @BeforeEach
  void start() throws Exception {
    h = new ServerHarness(dir, b -> b.webhookSecret(ServerHarness.SECRET));
    h.awaitIdle(); // the refresh at start
  }

  @AfterEach
  void stop() {
    h.close();
  }

  private HttpResponse<byte[]> deliver(String event, String body, String signature)
      throws Exception {
    return h.post(
        "/hooks/github",
        body.getBytes(StandardCharsets.UTF_8),
        "X-GitHub-Event",
        event,
        "X-Hub-Signature-256",
        signature);
  }

  private static String sign(String body) {
    return HubSignature.sign(ServerHarness.SECRET, body.getBytes(StandardCharsets.UTF_8));
  }

  private int refreshesAfterStart() throws InterruptedException {
    h.awaitIdle();
    return h.runner.runs.get() - 1;
  }

  @Test
  void shouldRefreshOnSignedDeliveryAboutFeedIssue() throws Exception {
    assertThat(deliver("issues", LABELED, sign(LABELED)).statusCode()).isEqualTo(202);
    assertThat(refreshesAfterStart()).isEqualTo(1);

    assertThat(deliver("issues", EDITED_IN_FEED, sign(EDITED_IN_FEED)).statusCode()).isEqualTo(202);
    assertThat(refreshesAfterStart()).isEqualTo(2);
  }

  @Test
  void shouldRejectDeliverySignedWithAnotherSecret() throws Exception {
    String forged =
        HubSignature.sign(
            "guess".getBytes(StandardCharsets.UTF_8), LABELED.getBytes(StandardCharsets.UTF_8));

    HttpResponse<byte[]> r = deliver("issues", LABELED, forged);

    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(refreshesAfterStart()).isZero();
    assertThat(h.logs)
        .anySatisfy(l -> assertThat(l).contains("request_refused").contains("bad_signature"));
    assertThat(h.logs).noneSatisfy(l -> assertThat(l).contains(forged.substring(7)));
  }

  @Test
  void shouldRejectTamperedBody() throws Exception {
    String tampered = LABELED.replace("118640", "118641");

    assertThat(deliver("issues", tampered, sign(LABELED)).statusCode()).isEqualTo(401);
    assertThat(refreshesAfterStart()).isZero();
  }

  @Test
  void shouldRejectMissingOrMalformedSignature() throws Exception {
    HttpResponse<byte[]> missing =
        h.post(
            "/hooks/github", LABELED.getBytes(StandardCharsets.UTF_8), "X-GitHub-Event", "issues");
    HttpResponse<byte[]> malformed = deliver("issues", LABELED, "sha256=zz");
    HttpResponse<byte[]> sha1 = deliver("issues", LABELED, "sha1=0123");

    assertThat(missing.statusCode()).isEqualTo(401);
    assertThat(malformed.statusCode()).isEqualTo(401);
    assertThat(sha1.statusCode()).isEqualTo(401);
    assertThat(refreshesAfterStart()).isZero();
  }

  @Test
  void shouldRefuseBodyOverOneMebibyteEvenWhenSigned() throws Exception {
    String huge = "{\"action\":\"labeled\",\"pad\":\"" + "x".repeat(WebhookRoute.MAX_BODY) + "\"}";

    HttpResponse<byte[]> r = deliver("issues", huge, sign(huge));

    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(refreshesAfterStart()).isZero();
  }

  @Test
  void shouldAnswerPing() throws Exception {
    String ping = "{\"zen\":\"Keep it logically awesome.\",\"hook_id\":1}";

    assertThat(deliver("ping", ping, sign(ping)).statusCode()).isEqualTo(200);
    assertThat(refreshesAfterStart()).isZero();
  }

  @Test
  void shouldIgnoreOtherEventsActionsAndLabels() throws Exception {
    String push = "{\"ref\":\"refs/heads/main\"}";

    assertThat(deliver("push", push, sign(push)).statusCode()).isEqualTo(202);
    assertThat(deliver("issues", ASSIGNED, sign(ASSIGNED)).statusCode()).isEqualTo(202);
    assertThat(deliver("issues", OTHER_LABEL, sign(OTHER_LABEL)).statusCode()).isEqualTo(202);
    assertThat(refreshesAfterStart()).isZero();
    assertThat(h.server.metrics().scrape())
        .contains("cvefeed_webhook_deliveries_total{outcome=\"ignored\",reason=\"label\"} 1.0")
        .contains(
            "cvefeed_webhook_deliveries_total{outcome=\"ignored\",reason=\"other_event\"} 1.0");
  }

  @Test
  void shouldAnswer404WhenNoSecretIsConfigured(@TempDir Path other) throws Exception {
    try (ServerHarness off = new ServerHarness(other, b -> b)) {
      HttpResponse<byte[]> r =
          off.post(
              "/hooks/github",
              LABELED.getBytes(StandardCharsets.UTF_8),
              "X-GitHub-Event",
              "issues",
              "X-Hub-Signature-256",
              sign(LABELED));

      assertThat(r.statusCode()).isEqualTo(404);
      off.awaitIdle();
      assertThat(off.runner.runs.get()).isEqualTo(1);
    }
  }
}
