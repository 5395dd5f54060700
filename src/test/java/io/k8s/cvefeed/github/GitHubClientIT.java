package io.k8s.cvefeed.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/** {@link GitHubClient} rules that other GitHub reads (issue events, single issues) rely on. */
@Timeout(20)
class GitHubClientIT {
  private FakeGitHub github;
  private final FakeTime time = new FakeTime();

  @BeforeEach
  void start() throws IOException {
    github = FakeGitHub.start();
  }

  @AfterEach
  void stop() {
    github.close();
  }

  private GitHubClientBuilder client() {
    return GitHubClient.builder()
        .apiBase(github.base())
        .clock(time)
        .sleeper(time)
        .random(new Random(7))
        .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5));
  }

  @Test
  void shouldDecodeGzipBodies() throws Exception {
    github.route(
        "/repos/o/r/issues/1",
        exchange -> {
          byte[] zipped = gzip("{\"number\":1}");
          exchange.getResponseHeaders().set("Content-Encoding", "gzip");
          exchange.sendResponseHeaders(200, zipped.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(zipped);
          }
        });

    JsonPage page = client().build().getJson(github.base().resolve("/repos/o/r/issues/1"));

    assertThat(page.body().path("number").asInt()).isEqualTo(1);
    assertThat(github.requests().get(0).header("Accept-Encoding")).contains("gzip");
  }

  @Test
  void shouldServeNotModifiedFromMemoryCache() throws Exception {
    github.route(
        "/repos/o/r/issues/1",
        exchange -> {
          if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
            exchange.sendResponseHeaders(304, -1);
            exchange.close();
          } else {
            FakeGitHub.send(exchange, 200, "{\"number\":1}", "ETag", "\"v1\"");
          }
        });
    GitHubClient client = client().etagCache(new MemoryEtagCache()).build();

    JsonPage first = client.getJson(github.base().resolve("/repos/o/r/issues/1"));
    JsonPage second = client.getJson(github.base().resolve("/repos/o/r/issues/1"));

    assertThat(first.notModified()).isFalse();
    assertThat(second.notModified()).isTrue();
    assertThat(second.body()).isEqualTo(first.body());
  }

  @Test
  void shouldListEventsPagesWithTreeReader() throws Exception {
    // Issue events, 3 per page over 2 pages; a reader that keeps "labeled" events only.
    List<String> events =
        List.of(
            "{\"event\":\"labeled\",\"label\":{\"name\":\"a\"}}",
            "{\"event\":\"assigned\"}",
            "{\"event\":\"labeled\",\"label\":{\"name\":\"b\"}}",
            "{\"event\":\"labeled\",\"label\":{\"name\":\"c\"}}");
    github.listing("/repos/o/r/issues/5/events", events, 3);
    GitHubClient client = client().build();
    ItemReader<String> labels =
        (page, parser) -> {
          JsonNode event = parser.readValueAsTree();
          return event.path("event").asString().equals("labeled")
              ? event.path("label").path("name").asString()
              : null;
        };

    Listing<String> listing =
        client.list(client.resolve("/repos/o/r/issues/5/events?per_page=3"), 3, labels, null);

    assertThat(listing.items()).containsExactly("a", "b", "c");
    assertThat(listing.pages()).isEqualTo(2);
  }

  @Test
  void shouldFollowSameOriginRedirectWithToken() throws Exception {
    // GitHub answers 301 for a renamed repository.
    github.route(
        "/repos/old/r/issues",
        exchange -> FakeGitHub.send(exchange, 301, "{}", "Location", "/repositories/42/issues"));
    github.route("/repositories/42/issues", exchange -> FakeGitHub.send(exchange, 200, "[]"));
    GitHubClient client = client().token("t0ken").build();

    JsonPage page = client.getJson(client.resolve("/repos/old/r/issues"));

    assertThat(page.body().isArray()).isTrue();
    assertThat(github.requests().get(1).header("Authorization")).contains("Bearer t0ken");
  }

  @Test
  void shouldNotCarryTokenThroughRedirectToAnotherHost() {
    String elsewhere = "http://localhost:" + github.base().getPort() + "/x";
    github.route(
        "/repos/o/r/issues",
        exchange -> FakeGitHub.send(exchange, 302, "{}", "Location", elsewhere));
    GitHubClient client = client().token("t0ken").build();

    assertThatThrownBy(() -> client.getJson(client.resolve("/repos/o/r/issues")))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("redirected to " + elsewhere)
        .hasMessageNotContaining("t0ken");
    assertThat(github.requests()).hasSize(1);
  }

  @Test
  void shouldFailAtOnceOnUnauthorizedWithGitHubsReason() {
    github.route(
        "/repos/o/r/issues",
        exchange -> FakeGitHub.send(exchange, 401, "{\"message\":\"Bad credentials\"}"));
    GitHubClient client = client().token("t0ken").build();

    assertThatThrownBy(() -> client.getJson(client.resolve("/repos/o/r/issues")))
        .isInstanceOf(SourceException.class)
        .hasMessage(
            github.base()
                + "/repos/o/r/issues: 401 Unauthorized (Bad credentials); check"
                + " GITHUB_TOKEN");
    assertThat(github.requests()).hasSize(1);
  }

  @Test
  void shouldRefuseAnAnswerOverTheCeilingWithoutRetrying() {
    github.route(
        "/repos/o/r/issues/1",
        exchange -> FakeGitHub.send(exchange, 200, "{\"pad\":\"" + "x".repeat(5000) + "\"}"));
    GitHubClient client = client().maxBodyBytes(1000).build();

    assertThatThrownBy(() -> client.getJson(github.base().resolve("/repos/o/r/issues/1")))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("/repos/o/r/issues/1")
        .hasMessageContaining("answer larger than")
        .hasMessageContaining("--github-api");
    assertThat(github.requests()).hasSize(1);
  }

  @Test
  void shouldRefuseAGzipBodyThatInflatesPastTheCeiling() {
    github.route(
        "/repos/o/r/issues",
        exchange -> {
          byte[] zipped = gzip("[" + " ".repeat(200_000) + "]"); // a few hundred bytes on the wire
          exchange.getResponseHeaders().set("Content-Encoding", "gzip");
          exchange.sendResponseHeaders(200, zipped.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(zipped);
          }
        });
    GitHubClient client = client().maxBodyBytes(10_000).build();

    assertThatThrownBy(
            () -> client.list(client.resolve("/repos/o/r/issues"), 100, IssueJson::read, null))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("answer larger than");
    assertThat(github.requests()).hasSize(1);
  }

  @Test
  void shouldReadAnAnswerJustUnderTheCeiling() throws Exception {
    String body = "{\"pad\":\"" + "x".repeat(900) + "\"}";
    github.route("/repos/o/r/issues/1", exchange -> FakeGitHub.send(exchange, 200, body));

    JsonPage page =
        client()
            .maxBodyBytes(body.length())
            .build()
            .getJson(github.base().resolve("/repos/o/r/issues/1"));

    assertThat(page.body().path("pad").asString()).hasSize(900);
  }

  @Test
  void shouldFailAtOnceWhenListingIsNotAnArray() {
    github.route("/repos/o/r/issues", exchange -> FakeGitHub.send(exchange, 200, "{}"));
    GitHubClient client = client().build();

    assertThatThrownBy(
            () -> client.list(client.resolve("/repos/o/r/issues"), 100, IssueJson::read, null))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("expected a JSON array of items");
    assertThat(github.requests()).hasSize(1);
  }

  @Test
  void shouldReportRequestsWithoutResponse() {
    AtomicInteger noResponse = new AtomicInteger();
    github.route(
        "/repos/o/r/issues",
        exchange -> {
          throw new IOException("reset");
        });
    GitHubClient client =
        client()
            .maxTries(3)
            .requestListener(
                new RequestListener() {
                  @Override
                  public void onResponse(int status, Integer rateLimitRemaining) {}

                  @Override
                  public void onNoResponse() {
                    noResponse.incrementAndGet();
                  }
                })
            .build();

    assertThatThrownBy(() -> client.getJson(client.resolve("/repos/o/r/issues")))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("failed after 3 tries");
    assertThat(noResponse).hasValue(3);
  }

  @Test
  void shouldStopAtOnceWhenInterrupted() throws Exception {
    CountDownLatch arrived = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    github.route(
        "/repos/o/r/issues",
        exchange -> {
          arrived.countDown();
          release.await(10, TimeUnit.SECONDS);
          FakeGitHub.send(exchange, 200, "[]");
        });
    GitHubClient client = client().build();
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread fetching =
        new Thread(
            () -> {
              try {
                client.getJson(client.resolve("/repos/o/r/issues"));
              } catch (Exception e) {
                thrown.set(e);
              }
            });

    fetching.start();
    assertThat(arrived.await(5, TimeUnit.SECONDS)).isTrue();
    fetching.interrupt();
    fetching.join(5_000);
    release.countDown();

    assertThat(fetching.isAlive()).isFalse();
    assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }
}
