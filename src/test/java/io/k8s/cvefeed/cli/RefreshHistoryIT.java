package io.k8s.cvefeed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.k8s.cvefeed.github.FakeGitHub;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code cvefeed refresh --notify-webhook} end to end: the issues listing on {@link FakeGitHub}, a
 * webhook receiver on its own loopback server; the feed published into a temporary directory.
 */
class RefreshHistoryIT {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** An open announcement, and the same one closed as completed (status fixed). */
  private static final String OPEN_A = issue(900001, "CVE-2026-7001", "Example flaw", "open", null);

  private static final String FIXED_A =
      issue(900001, "CVE-2026-7001", "Example flaw", "closed", "completed");
  private static final String OPEN_B = issue(900002, "CVE-2026-7002", "Second flaw", "open", null);

  @TempDir Path dir;
  private final CliRunner cli = new CliRunner();
  private FakeGitHub github;
  private HttpServer receiver;
  private volatile String issues = "[]";
  private final List<JsonNode> hooks = new CopyOnWriteArrayList<>();

  private static String issue(long n, String cve, String title, String state, String reason) {
    return """
        {"number":%d,"title":"%s: %s","body":"Announcement body.","state":"%s",
         "state_reason":%s,"html_url":"https://github.com/kubernetes/kubernetes/issues/%d",
         "created_at":"2026-01-0%dT00:00:00Z","updated_at":"2026-01-09T00:00:00Z",
         "closed_at":%s,"labels":[{"name":"official-cve-feed"}],"user":{"login":"someone"}}
        """
        .formatted(
            n,
            cve,
            title,
            state,
            reason == null ? "null" : "\"" + reason + "\"",
            n,
            n % 10,
            reason == null ? "null" : "\"2026-01-09T00:00:00Z\"");
  }

  @BeforeEach
  void start() throws IOException {
    github = FakeGitHub.start();
    github.route("/repos/kubernetes/kubernetes/issues", ex -> FakeGitHub.send(ex, 200, issues));
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        ex -> {
          hooks.add(JSON.readTree(ex.getRequestBody().readAllBytes()));
          ex.sendResponseHeaders(200, -1);
          ex.close();
        });
    receiver.start();
  }

  @AfterEach
  void stop() {
    receiver.stop(0);
    github.close();
  }

  private int refresh(String... listed) {
    issues = "[" + String.join(",", listed) + "]";
    cli.reset();
    int code =
        cli.home(dir)
            .run(
                "refresh",
                "-q",
                "--github-api",
                github.base().toString(),
                "--out",
                dir.resolve("public").toString(),
                "--cache-dir",
                dir.resolve("cache").toString(),
                "--notify-webhook",
                "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
    assertThat(cli.err()).isEmpty();
    return code;
  }

  private String changes() throws IOException {
    return Files.readString(dir.resolve("public/changes.json"));
  }

  @Test
  void shouldPublishTheHistoryAndNotifyOnlyRealChanges() throws Exception {
    assertThat(refresh(OPEN_A)).isZero();
    assertThat(JSON.readTree(changes()).path("events").get(0).path("kind").asString())
        .isEqualTo("initial");
    assertThat(dir.resolve("public/changes.xml")).exists();
    assertThat(hooks).isEmpty();

    assertThat(refresh(FIXED_A, OPEN_B)).isZero();
    assertThat(
            JSON.readTree(changes())
                .path("events")
                .valueStream()
                .map(e -> e.path("kind").asString() + " " + e.path("id").asString("")))
        .containsExactly("added CVE-2026-7002", "status_changed CVE-2026-7001", "initial ");
    assertThat(hooks)
        .extracting(h -> h.path("kind").asString() + " " + h.path("id").asString())
        .containsExactly("added CVE-2026-7002", "status_changed CVE-2026-7001");
    String after = changes();

    assertThat(refresh(FIXED_A, OPEN_B)).isZero();
    assertThat(changes()).isEqualTo(after);
    assertThat(hooks).hasSize(2);
    assertThat(Files.readString(dir.resolve("public/manifest.json")))
        .contains("\"changes.json\"", "\"changes.xml\"");
  }
}
