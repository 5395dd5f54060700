package io.k8s.cvefeed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import io.k8s.cvefeed.github.FakeGitHub;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code cvefeed refresh} in-process against {@link FakeGitHub} serving the issues listing. */
class CliIT {
  private static final String TOKEN = "ghp_secretsecretsecret";
  private static final String ISSUES = "/repos/kubernetes/kubernetes/issues";
  @TempDir Path dir;
  private FakeGitHub github;
  private final List<String> issues = new ArrayList<>();
  private final CliRunner cli = new CliRunner();

  @BeforeEach
  void startFakeGitHub() throws IOException {
    github = FakeGitHub.start();
    github.route(ISSUES, this::listing);
  }

  @AfterEach
  void stop() {
    github.close();
  }

  /** One page holding every issue. */
  private void listing(HttpExchange exchange) throws IOException {
    FakeGitHub.send(exchange, 200, "[" + String.join(",", issues) + "]");
  }

  /** The {@code Authorization} header of every request for the listing. */
  private List<String> authHeaders() {
    return github.requests().stream()
        .filter(r -> r.path().equals(ISSUES))
        .map(FakeGitHub.Request::authorization)
        .toList();
  }

  private void addIssue(long number, String title, String state, String reason) {
    issues.add(
        """
        {"number":%d,"title":"%s","body":"Details\\r\\nmore","state":"%s","state_reason":%s,\
        "html_url":"https://github.com/kubernetes/kubernetes/issues/%d",\
        "created_at":"2024-01-0%dT00:00:00Z","updated_at":"2024-02-01T00:00:00Z",\
        "closed_at":null,"labels":[{"name":"official-cve-feed"}],"user":{"login":"src"}}"""
            .formatted(
                number,
                title,
                state,
                reason == null ? "null" : '"' + reason + '"',
                number,
                number));
  }

  private int refresh(String... extra) {
    cli.reset();
    List<String> args =
        new ArrayList<>(
            List.of(
                "refresh",
                "--github-api",
                github.base().toString(),
                "--out",
                dir.resolve("public").toString(),
                "--cache-dir",
                dir.resolve("cache").toString(),
                "--json"));
    args.addAll(List.of(extra));
    return cli.env(Map.of("GITHUB_TOKEN", TOKEN))
        .clock(Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC))
        .run(args);
  }

  private JsonNode summary() {
    return JsonMapper.builder().build().readTree(cli.out());
  }

  @Test
  void shouldExit0AndPublishTheFeed() throws Exception {
    addIssue(2, "CVE-2024-0002, CVE-2024-0003: two ids", "closed", "completed");
    addIssue(1, "CVE-2024-0001: one", "open", null);

    assertThat(refresh()).isZero();

    assertThat(summary().path("outcome").asString()).isEqualTo("published");
    assertThat(summary().path("items").asInt()).isEqualTo(3);
    JsonNode phases = summary().path("phases_ms");
    assertThat(phases.propertyNames()).containsExactly("fetch", "extract", "render", "publish");
    for (String phase : phases.propertyNames()) {
      assertThat(phases.path(phase).isIntegralNumber()).as(phase).isTrue();
      assertThat(phases.path(phase).asLong()).as(phase).isNotNegative();
    }
    JsonNode feed =
        JsonMapper.builder()
            .build()
            .readTree(dir.resolve("public/official-cve-feed.json").toFile());
    assertThat(feed.path("items").findValuesAsString("id"))
        .containsExactly("CVE-2024-0002", "CVE-2024-0003", "CVE-2024-0001");
    assertThat(feed.path("_kubernetes_io").path("updated_at").asString())
        .isEqualTo("2026-03-01T12:00:00Z");
    assertThat(cli.err()).contains("refresh published:", "3 items");
    assertThat(authHeaders()).containsOnly("Bearer " + TOKEN);
    assertThat(cli.err() + cli.out()).doesNotContain(TOKEN);
  }

  @Test
  void shouldExit0AndWriteNothingWhenUnchanged() throws Exception {
    addIssue(1, "CVE-2024-0001: one", "closed", "completed");
    refresh();
    Path feed = dir.resolve("public/official-cve-feed.json");
    var before = Files.getLastModifiedTime(feed);

    assertThat(refresh()).isZero();

    assertThat(summary().path("outcome").asString()).isEqualTo("unchanged");
    assertThat(Files.getLastModifiedTime(feed)).isEqualTo(before);
  }

  @Test
  void shouldNeitherExtractNorRenderASecondTimeAndStillNameTheSkippedIssue() throws Exception {
    addIssue(2, "Placeholder issue", "open", null);
    addIssue(1, "CVE-2024-0001: one", "closed", "completed");
    assertThat(refresh()).isEqualTo(7);
    JsonNode first = summary();

    assertThat(refresh()).isEqualTo(7);

    JsonNode again = summary();
    assertThat(again.path("outcome").asString()).isEqualTo("unchanged");
    assertThat(again.path("phases_ms").path("extract").asLong()).isZero();
    assertThat(again.path("phases_ms").path("render").asLong()).isZero();
    assertThat(again.path("items").asInt()).isEqualTo(first.path("items").asInt()).isEqualTo(1);
    assertThat(again.path("digest").asString()).isEqualTo(first.path("digest").asString());
    assertThat(cli.err()).contains("issue #2", "Placeholder issue");
    assertThat(dir.resolve("cache/" + RefreshCommand.LAST_RELEASE)).exists();
  }

  @Test
  void shouldRenderAgainWhenTheFormatsChange() throws Exception {
    addIssue(1, "CVE-2024-0001: one", "closed", "completed");
    refresh("--formats", "json");

    assertThat(refresh("--formats", "json,osv")).isZero();

    assertThat(summary().path("outcome").asString()).isEqualTo("published");
    assertThat(dir.resolve("public/osv/CVE-2024-0001.json")).exists();
  }

  @Test
  void shouldExit7AndNameTheSkippedIssue() {
    addIssue(2, "Placeholder issue", "open", null);
    addIssue(1, "CVE-2024-0001: one", "closed", "completed");

    assertThat(refresh()).isEqualTo(7);

    assertThat(summary().path("skipped").asInt()).isEqualTo(1);
    assertThat(cli.err()).contains("issue #2", "Placeholder issue");
    assertThat(dir.resolve("public/official-cve-feed.json")).exists();
  }

  @Test
  void shouldExit1AndPublishNothingWhenGitHubFails() {
    addIssue(1, "CVE-2024-0001: one", "closed", "completed");
    github.route(ISSUES, ex -> FakeGitHub.send(ex, 404, "{\"message\":\"Not Found\"}"));

    assertThat(refresh()).isEqualTo(1);

    assertThat(cli.err()).contains("404", "nothing was published").doesNotContain(TOKEN);
    assertThat(summary().path("outcome").asString()).isEqualTo("failed");
    assertThat(dir.resolve("public")).doesNotExist();
  }

  @Test
  void shouldExit1AndNameTheMissingIdsWhenTheFeedShrinks() throws Exception {
    for (int i = 1; i <= 9; i++) {
      addIssue(i, "CVE-2024-000" + i + ": issue " + i, "closed", "completed");
    }
    refresh();
    issues.subList(0, 2).clear(); // issues 1 and 2

    assertThat(refresh()).isEqualTo(1);
    assertThat(cli.err()).contains("missing: CVE-2024-0001, CVE-2024-0002", "--allow-shrink");
    assertThat(refresh("--allow-shrink")).isZero();
  }

  @Test
  void shouldQuietEverythingButErrors() {
    addIssue(2, "Placeholder issue", "open", null);
    addIssue(1, "CVE-2024-0001: one", "closed", "completed");

    assertThat(refresh("--quiet")).isEqualTo(7);

    assertThat(cli.err()).isEmpty();
  }

  @Test
  void shouldPublishOnlyTheChosenFormatsAndAlwaysTheJsonFeed() throws Exception {
    addIssue(1, "CVE-2024-0001: one", "closed", "completed");

    assertThat(refresh("--formats", "osv")).isZero();

    Path out = dir.resolve("public");
    assertThat(out.resolve("official-cve-feed.json")).exists();
    assertThat(out.resolve("osv/CVE-2024-0001.json")).exists();
    assertThat(out.resolve("index.html")).doesNotExist();
    assertThat(out.resolve("feed.xml")).doesNotExist();
  }

  @Test
  void shouldRejectAnUnknownFormat() {
    assertThat(refresh("--formats", "json,pdf")).isEqualTo(2);
    assertThat(cli.err()).contains("--formats pdf: unknown format");
  }
}
