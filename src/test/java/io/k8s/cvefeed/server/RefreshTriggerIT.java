package io.k8s.cvefeed.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class RefreshTriggerIT {
  private static final byte[] EMPTY = new byte[0];
  private static final String BEARER = "Bearer " + ServerHarness.TOKEN;

  @TempDir Path dir;

  @Test
  void shouldCoalesceTenTriggersDuringASlowRefreshIntoOneMore() throws Exception {
    try (ServerHarness h = new ServerHarness(dir, b -> b.adminToken(ServerHarness.TOKEN))) {
      h.awaitIdle(); // the refresh at start
      // Hold the next refresh at the gate and pile triggers onto it.
      h.runner.hold();
      h.runner.started = new CountDownLatch(1);
      int before = h.runner.runs.get();
      h.server.triggerRefresh("slow");
      assertThat(h.runner.started.await(10, TimeUnit.SECONDS)).isTrue();

      for (int i = 0; i < 10; i++) {
        assertThat(h.post("/refresh", EMPTY, "Authorization", BEARER).statusCode()).isEqualTo(202);
      }
      h.runner.release();
      h.awaitIdle();

      assertThat(h.runner.runs.get() - before).isEqualTo(2);
    }
  }

  @Test
  void shouldLetARunningRefreshFinishItsPublishBeforeStopReturns() throws Exception {
    ServerHarness h =
        new ServerHarness(dir, b -> b.adminToken(ServerHarness.TOKEN), FakeRunner::hold);
    // The start refresh waits at the gate; stop the server while it does.
    assertThat(h.runner.started.await(10, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<Void> stopped = CompletableFuture.runAsync(h.server::close);
    while (h.server.triggerRefresh("probe")) {
      Thread.onSpinWait(); // until close() has refused new work
    }
    assertThat(stopped).isNotDone();
    // Still answering, but no longer taking work.
    assertThat(h.post("/refresh", EMPTY, "Authorization", BEARER).statusCode()).isEqualTo(503);
    assertThat(h.get("/healthz").statusCode()).isEqualTo(200);

    h.runner.release();
    stopped.get(30, TimeUnit.SECONDS);

    assertThat(h.runner.completed.get()).isEqualTo(1);
    assertThat(h.runner.runs.get()).isEqualTo(1);
    assertThat(Files.readString(dir.resolve("official-cve-feed.json"))).endsWith("}\n");
    assertThat(h.logs)
        .anySatisfy(l -> assertThat(l).contains("stopped").contains("refresh_finished=true"));
  }

  @Test
  void shouldRefreshOnAdminRequestOnlyWithTheRightToken() throws Exception {
    try (ServerHarness h = new ServerHarness(dir, b -> b.adminToken(ServerHarness.TOKEN))) {
      h.awaitIdle();

      HttpResponse<byte[]> none = h.post("/refresh", EMPTY);
      HttpResponse<byte[]> wrong = h.post("/refresh", EMPTY, "Authorization", "Bearer nope");
      HttpResponse<byte[]> basic =
          h.post("/refresh", EMPTY, "Authorization", "Basic " + ServerHarness.TOKEN);
      h.awaitIdle();
      int afterRefused = h.runner.runs.get();
      HttpResponse<byte[]> right = h.post("/refresh", EMPTY, "Authorization", BEARER);
      h.awaitIdle();

      assertThat(none.statusCode()).isEqualTo(401);
      assertThat(none.headers().firstValue("WWW-Authenticate")).isPresent();
      assertThat(wrong.statusCode()).isEqualTo(401);
      assertThat(basic.statusCode()).isEqualTo(401);
      assertThat(afterRefused).isEqualTo(1);
      assertThat(right.statusCode()).isEqualTo(202);
      assertThat(h.runner.runs.get()).isEqualTo(2);
      assertThat(h.logs).noneSatisfy(l -> assertThat(l).contains(ServerHarness.TOKEN));
    }
  }

  @Test
  void shouldTurnAdminEndpointOffWithoutToken() throws Exception {
    try (ServerHarness h = new ServerHarness(dir, b -> b)) {
      assertThat(h.post("/refresh", EMPTY, "Authorization", BEARER).statusCode()).isEqualTo(404);
      h.awaitIdle();
      assertThat(h.runner.runs.get()).isEqualTo(1);
    }
  }

  @Test
  void shouldRefreshAgainEveryInterval() throws Exception {
    try (ServerHarness h = new ServerHarness(dir, b -> b.interval(Duration.ofMillis(20)))) {
      h.runner.started = new CountDownLatch(3);
      // Nothing triggers but the schedule: a third run proves two intervals passed.
      assertThat(h.runner.started.await(20, TimeUnit.SECONDS)).isTrue();
    }
  }
}
