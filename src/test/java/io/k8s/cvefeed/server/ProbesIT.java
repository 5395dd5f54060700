package io.k8s.cvefeed.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8s.cvefeed.testing.MutableClock;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@Timeout(60)
class ProbesIT {
  private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(T0);

  private static String body(HttpResponse<byte[]> r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  @Test
  void shouldBeHealthyAndNotReadyBeforeAnyFeedIsPublished() throws Exception {
    try (ServerHarness h =
        new ServerHarness(
            dir, b -> b.clock(clock), r -> r.failure = new IOException("github.com: refused"))) {
      h.awaitIdle();

      assertThat(h.get("/healthz").statusCode()).isEqualTo(200);
      HttpResponse<byte[]> ready = h.get("/readyz");
      assertThat(ready.statusCode()).isEqualTo(503);
      assertThat(body(ready)).contains("no feed published").contains("github.com: refused");
    }
  }

  @Test
  void shouldGoUnreadyWhenRefreshesFailPastTheStalenessLimit() throws Exception {
    try (ServerHarness h =
        new ServerHarness(dir, b -> b.clock(clock).staleAfter(Duration.ofHours(6)))) {
      h.awaitIdle(); // the start refresh succeeds at T0
      assertThat(h.get("/readyz").statusCode()).isEqualTo(200);
      h.runner.failure = new IOException("api.github.com: 502 Bad Gateway");

      clock.advance(Duration.ofHours(5));
      h.server.triggerRefresh("test");
      h.awaitIdle();
      HttpResponse<byte[]> stillReady = h.get("/readyz");
      clock.advance(Duration.ofHours(1));
      HttpResponse<byte[]> stale = h.get("/readyz");

      assertThat(stillReady.statusCode()).isEqualTo(200);
      assertThat(stale.statusCode()).isEqualTo(503);
      assertThat(body(stale)).contains("stale").contains("502 Bad Gateway");

      h.runner.failure = null;
      h.server.triggerRefresh("test");
      h.awaitIdle();
      assertThat(h.get("/readyz").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void shouldTakeAnEarlierPublishAsTheLastSuccessAtStart() throws Exception {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("manifest.json"), "{}\n");
    Files.setLastModifiedTime(
        dir.resolve("manifest.json"), FileTime.from(T0.minus(Duration.ofHours(1))));

    // The start refresh is held at its gate: only the earlier publish can make the server ready.
    try (ServerHarness fresh = new ServerHarness(dir, b -> b.clock(clock), FakeRunner::hold)) {
      assertThat(fresh.get("/readyz").statusCode()).isEqualTo(200);
    }
    Files.setLastModifiedTime(
        dir.resolve("manifest.json"), FileTime.from(T0.minus(Duration.ofHours(7))));
    try (ServerHarness old = new ServerHarness(dir, b -> b.clock(clock), FakeRunner::hold)) {
      assertThat(old.get("/readyz").statusCode()).isEqualTo(503);
    }
  }

  @Test
  void shouldExposeTheNamedSeries() throws Exception {
    try (ServerHarness h =
        new ServerHarness(dir, b -> b.clock(clock).webhookSecret(ServerHarness.SECRET))) {
      h.awaitIdle();
      h.get("/healthz");
      h.post("/hooks/github", "{}".getBytes(StandardCharsets.UTF_8), "X-GitHub-Event", "issues");
      h.server.metrics().githubResponse(304);

      HttpResponse<byte[]> r = h.get("/metrics");

      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
      assertThat(body(r))
          .contains("cvefeed_refreshes_total{outcome=\"success\"} 1.0")
          .contains("cvefeed_refresh_duration_seconds_bucket{le=")
          .contains("cvefeed_refresh_duration_seconds_count 1")
          .contains("cvefeed_last_success_timestamp_seconds " + (double) T0.getEpochSecond())
          .contains("cvefeed_feed_items 3.0")
          .contains("cvefeed_skipped_issues 1.0")
          .contains("cvefeed_github_requests_total 2.0")
          .contains("cvefeed_github_not_modified_total 1.0")
          .contains("cvefeed_github_responses_total{status=\"304\"} 1.0")
          .contains("cvefeed_github_rate_limit_remaining 4990.0")
          .contains(
              "cvefeed_publishes_total{outcome=\"published\",target=\"file:///srv/feed\"} 1.0")
          .contains(
              "cvefeed_webhook_deliveries_total{outcome=\"rejected\",reason=\"missing_signature\"} 1.0")
          .contains("cvefeed_http_requests_total{route=\"healthz\",status=\"200\"} 1.0");
    }
  }

  @Test
  void shouldLogOneJsonLinePerRefresh() throws Exception {
    try (ServerHarness h = new ServerHarness(dir, b -> b.clock(clock).logFormat(LogFormat.JSON))) {
      h.awaitIdle();

      JsonMapper json = JsonMapper.builder().build();
      JsonNode refresh =
          h.logs.stream()
              .map(json::readTree)
              .filter(n -> n.path("event").asString().equals("refresh"))
              .findFirst()
              .orElseThrow();
      assertThat(refresh.path("outcome").asString()).isEqualTo("success");
      assertThat(refresh.path("items").asInt()).isEqualTo(3);
      assertThat(refresh.path("time").asString()).isEqualTo(T0.toString());
    }
  }
}
