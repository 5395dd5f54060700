package io.k8s.cvefeed.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which requests the transport may answer on its I/O thread, and the answers themselves. */
class RouterTest {
  @TempDir Path dir;
  private final List<String> logs = new ArrayList<>();
  private Router router;

  @BeforeEach
  void setUp() throws Exception {
    Files.writeString(dir.resolve("official-cve-feed.json"), "{\"items\":[]}\n");
    Clock clock = Clock.systemUTC();
    router =
        new Router(
            new ArtifactRoute(new ArtifactFiles(dir, Duration.ofHours(1))),
            new WebhookRoute(null, "official-cve-feed", reason -> true),
            null,
            reason -> true,
            new Readiness(dir, clock, Duration.ofHours(6)),
            new ServerMetrics(),
            new ServeLog(LogFormat.TEXT, logs::add, clock));
  }

  @Test
  void shouldAnswerAFileInlineOnlyOnceItIsHeldInMemory() {
    assertThat(router.answersInline("GET", "/official-cve-feed.json")).isFalse();
    Reply first = router.handle(Request.get("/official-cve-feed.json"));
    assertThat(first.status()).isEqualTo(200);
    assertThat(new String(first.body(), StandardCharsets.UTF_8)).isEqualTo("{\"items\":[]}\n");
    assertThat(router.answersInline("GET", "/official-cve-feed.json")).isTrue();
    assertThat(router.answersInline("HEAD", "/official-cve-feed.json")).isTrue();
    assertThat(router.answersInline("POST", "/official-cve-feed.json")).isFalse();
  }

  @Test
  void shouldSendBlockingRoutesToTheWorkers() {
    assertThat(router.answersInline("GET", "/healthz")).isTrue();
    assertThat(router.answersInline("GET", "/readyz")).isFalse();
    assertThat(router.answersInline("GET", "/metrics")).isFalse();
    assertThat(router.answersInline("POST", "/hooks/github")).isFalse();
    assertThat(router.answersInline("POST", "/refresh")).isFalse();
    assertThat(router.answersInline("GET", "/missing.json")).isFalse();
  }

  @Test
  void shouldRefusePathsOutsideTheArtifactSetInlineAndLogThem() {
    assertThat(router.answersInline("GET", "/../secret")).isTrue();
    assertThat(router.handle(Request.get("/../secret")).status()).isEqualTo(404);
    assertThat(logs).anyMatch(l -> l.contains("path outside the artifact set"));
  }

  @Test
  void shouldAnswer304FromTheCachedVersion() {
    Request first = Request.get("/official-cve-feed.json");
    router.handle(first);
    String etag = first.responseHeader("ETag");
    assertThat(etag).startsWith("\"");
    Reply again = router.handle(Request.get("/official-cve-feed.json", "If-None-Match", etag));
    assertThat(again.status()).isEqualTo(304);
    assertThat(again.body()).isNull();
  }
}
