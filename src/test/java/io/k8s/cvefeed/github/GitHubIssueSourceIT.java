package io.k8s.cvefeed.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.k8s.cvefeed.github.ListingRoute.CutShort;
import io.k8s.cvefeed.github.ListingRoute.Gather;
import io.k8s.cvefeed.github.ListingRoute.NoLink;
import io.k8s.cvefeed.github.ListingRoute.Reset;
import io.k8s.cvefeed.github.ListingRoute.Slow;
import io.k8s.cvefeed.github.ListingRoute.Truncate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@link GitHubIssueSource} against {@link FakeGitHub}: one scenario per GitHub behaviour. */
@Timeout(20)
class GitHubIssueSourceIT {
  private static final String ISSUES = "/repos/o/r/issues";
  private static final String TOKEN = "ghp_test0nly5ecret";

  private FakeGitHub github;
  private final FakeTime time = new FakeTime();
  private final Map<Integer, Integer> statuses = new ConcurrentHashMap<>();

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
        .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))
        .requestListener((status, remaining) -> statuses.merge(status, 1, Integer::sum));
  }

  private GitHubIssueSource source(GitHubClientBuilder client, int perPage) {
    return GitHubIssueSource.builder(client.build()).repo("o/r").perPage(perPage).build();
  }

  private static List<Long> numbers(FetchResult result) {
    return result.issues().stream().map(RawIssue::number).toList();
  }

  @Test
  void shouldFetchPagesTwoToLastConcurrently() throws Exception {
    // 10 issues, 2 per page: page 1 names page 5 as last; pages 2-5 wait for each other.
    CountDownLatch together = new CountDownLatch(2);
    ListingRoute listing = github.listing(ISSUES, ListingJson.newestFirst(10), 2);
    for (int page = 2; page <= 5; page++) {
      listing.faultAlways(page, new Gather(together));
    }
    List<String> progress = new ArrayList<>();
    GitHubIssueSource source =
        GitHubIssueSource.builder(client().build())
            .repo("o/r")
            .perPage(2)
            .progress((done, total) -> progress.add(done + "/" + total))
            .build();

    FetchResult result = source.fetch();

    assertThat(numbers(result)).isEqualTo(ListingJson.numbersDown(10));
    assertThat(result.pages()).isEqualTo(5);
    assertThat(result.requests()).isEqualTo(5);
    assertThat(github.maxInFlight()).isGreaterThan(1);
    assertThat(progress).containsExactly("1/5", "2/5", "3/5", "4/5", "5/5");
  }

  @Test
  void shouldSendTheDocumentedListingRequest() throws Exception {
    github.listing(ISSUES, ListingJson.newestFirst(1), 100);

    source(client().token(TOKEN), 100).fetch();

    FakeGitHub.Request request = github.requests().get(0);
    assertThat(request.query()).isEqualTo("labels=official-cve-feed&state=all&per_page=100");
    assertThat(request.header("Authorization")).contains("Bearer " + TOKEN);
    assertThat(request.header("Accept")).contains("application/vnd.github+json");
    assertThat(request.header("X-GitHub-Api-Version")).contains("2022-11-28");
    assertThat(request.header("User-Agent")).hasValueSatisfying(ua -> assertThat(ua).isNotBlank());
  }

  @Test
  void shouldSendNoAuthorizationWithoutToken() throws Exception {
    github.listing(ISSUES, ListingJson.newestFirst(1), 100);

    source(client().token(null), 100).fetch();

    assertThat(github.requests().get(0).header("Authorization")).isEmpty();
  }

  @Test
  void shouldDropPullRequests() throws Exception {
    // Page 1: issue 4, pull request 3; page 2: issue 2, pull request 1.
    github.listing(
        ISSUES,
        List.of(
            ListingJson.issue(4),
            ListingJson.pullRequest(3),
            ListingJson.issue(2),
            ListingJson.pullRequest(1)),
        2);

    FetchResult result = source(client(), 2).fetch();

    assertThat(numbers(result)).containsExactly(4L, 2L);
    assertThat(result.pages()).isEqualTo(2);
  }

  @Test
  void shouldReuseCachedBodiesWhenNotModified(@TempDir Path cacheDir) throws Exception {
    github.listing(ISSUES, ListingJson.newestFirst(5), 2);
    FetchResult first = source(client().etagCache(new DirectoryEtagCache(cacheDir)), 2).fetch();

    // A new run: new client, same cache directory.
    FetchResult second = source(client().etagCache(new DirectoryEtagCache(cacheDir)), 2).fetch();

    assertThat(first.notModified()).isZero();
    assertThat(second.notModified()).isEqualTo(3);
    assertThat(second.issues()).isEqualTo(first.issues());
    assertThat(statuses).containsEntry(200, 3).containsEntry(304, 3);
    assertThat(github.requests().subList(3, 6))
        .allSatisfy(r -> assertThat(r.header("If-None-Match")).isPresent());
    try (Stream<Path> files = Files.list(cacheDir)) {
      assertThat(files.filter(f -> f.toString().endsWith(".page"))).hasSize(3);
    }
  }

  @Test
  void shouldCacheOnlyBodiesThatParsedAndNeverTheToken(@TempDir Path cacheDir) throws Exception {
    github.listing(ISSUES, ListingJson.newestFirst(6), 2).faultOnce(3, new Truncate());
    GitHubIssueSource first =
        source(client().token(TOKEN).etagCache(new DirectoryEtagCache(cacheDir)), 2);
    first.fetch();

    FetchResult second =
        source(client().token(TOKEN).etagCache(new DirectoryEtagCache(cacheDir)), 2).fetch();

    assertThat(numbers(second)).isEqualTo(ListingJson.numbersDown(6));
    assertThat(second.notModified()).isEqualTo(3); // page 3's good body was cached, not the cut one
    try (Stream<Path> files = Files.list(cacheDir)) {
      for (Path file : files.toList()) {
        assertThat(Files.readString(file)).doesNotContain(TOKEN);
      }
    }
  }

  @Test
  void shouldRefetchPageWhoseCacheEntryIsCorrupt(@TempDir Path cacheDir) throws Exception {
    github.listing(ISSUES, ListingJson.newestFirst(5), 2);
    DirectoryEtagCache cache = new DirectoryEtagCache(cacheDir);
    FetchResult first = source(client().etagCache(cache), 2).fetch();
    try (Stream<Path> files = Files.list(cacheDir)) {
      for (Path file : files.toList()) {
        Files.writeString(file, "garbage"); // every entry unreadable
      }
    }

    FetchResult second = source(client().etagCache(cache), 2).fetch();

    assertThat(second.issues()).isEqualTo(first.issues());
    assertThat(second.notModified()).isZero();
    assertThat(statuses).containsEntry(200, 6).doesNotContainKey(304);
  }

  @Test
  void shouldRetryServerErrorsThenSucceed() throws Exception {
    github
        .listing(ISSUES, ListingJson.newestFirst(6), 2)
        .fault(
            2,
            attempt ->
                switch (attempt) {
                  case 1 -> ListingRoute.status(500);
                  case 2 -> ListingRoute.status(502);
                  default -> null;
                });

    FetchResult result = source(client(), 2).fetch();

    assertThat(numbers(result)).isEqualTo(ListingJson.numbersDown(6));
    assertThat(result.requests()).isEqualTo(5);
    assertThat(statuses).containsEntry(500, 1).containsEntry(502, 1).containsEntry(200, 3);
    assertThat(time.sleeps()).hasSize(2);
  }

  @Test
  void shouldRetryConnectionReset() throws Exception {
    github.listing(ISSUES, ListingJson.newestFirst(6), 2).faultOnce(2, new Reset());

    FetchResult result = source(client(), 2).fetch();

    assertThat(numbers(result)).isEqualTo(ListingJson.numbersDown(6));
    assertThat(github.requestsForPage(2)).hasSize(2);
  }

  @Test
  void shouldRetryTruncatedJson() throws Exception {
    github.listing(ISSUES, ListingJson.newestFirst(6), 2).faultOnce(3, new Truncate());

    FetchResult result = source(client(), 2).fetch();

    assertThat(numbers(result)).isEqualTo(ListingJson.numbersDown(6));
    assertThat(github.requestsForPage(3)).hasSize(2);
    assertThat(result.requests()).isEqualTo(4);
  }

  @Test
  void shouldRetryBodyCutShortByClosedConnection() throws Exception {
    github.listing(ISSUES, ListingJson.newestFirst(6), 2).faultOnce(2, new CutShort());

    FetchResult result = source(client(), 2).fetch();

    assertThat(numbers(result)).isEqualTo(ListingJson.numbersDown(6));
    assertThat(github.requestsForPage(2)).hasSize(2);
  }

  @Test
  void shouldReadEveryPageWhenMiddlePageLacksLink() throws Exception {
    github.listing(ISSUES, ListingJson.newestFirst(8), 2).faultAlways(3, new NoLink());

    FetchResult result = source(client(), 2).fetch();

    assertThat(numbers(result)).isEqualTo(ListingJson.numbersDown(8));
    assertThat(result.pages()).isEqualTo(4);
  }

  @Test
  void shouldPageSequentiallyWhenFullFirstPageLacksLink() throws Exception {
    // 5 issues, 2 per page, no Link anywhere: pages 1, 2 are full, page 3 is short.
    ListingRoute listing = github.listing(ISSUES, ListingJson.newestFirst(5), 2);
    for (int page = 1; page <= 3; page++) {
      listing.faultAlways(page, new NoLink());
    }

    FetchResult result = source(client(), 2).fetch();

    assertThat(numbers(result)).isEqualTo(ListingJson.numbersDown(5));
    assertThat(result.pages()).isEqualTo(3);
  }

  @Test
  void shouldWaitForRateLimitResetWithinMaxWait() throws Exception {
    long reset = FakeTime.START.plusSeconds(120).getEpochSecond();
    github
        .listing(ISSUES, ListingJson.newestFirst(4), 2)
        .faultOnce(
            2,
            ListingRoute.status(
                403, "X-RateLimit-Remaining", "0", "X-RateLimit-Reset", Long.toString(reset)));

    FetchResult result = source(client().maxWait(Duration.ofMinutes(5)), 2).fetch();

    assertThat(numbers(result)).isEqualTo(ListingJson.numbersDown(4));
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(121)); // until reset, plus 1 s
  }

  @Test
  void shouldFailAtOnceWhenRateLimitResetsBeyondMaxWait() {
    long reset = FakeTime.START.plusSeconds(3600).getEpochSecond();
    github
        .listing(ISSUES, ListingJson.newestFirst(4), 2)
        .faultAlways(
            1,
            ListingRoute.status(
                403, "X-RateLimit-Remaining", "0", "X-RateLimit-Reset", Long.toString(reset)));

    assertThatThrownBy(() -> source(client().maxWait(Duration.ofMinutes(5)), 2).fetch())
        .isInstanceOf(SourceException.class)
        .hasMessageContaining(github.base() + ISSUES)
        .hasMessageContaining("resets at 2026-01-01T01:00:01Z")
        .hasMessageContaining("set GITHUB_TOKEN");
    assertThat(time.sleeps()).isEmpty();
    assertThat(github.requests()).hasSize(1);
  }

  @Test
  void shouldBoundTheWholeListingsWaitingByMaxWaitNotEachPages() {
    // Page 1 waits 181 s for its reset; page 2 then meets another limit, 181 s away again. Each
    // wait is under the 5 min maximum, but together they would pass it: the listing gives up.
    long firstReset = FakeTime.START.plusSeconds(180).getEpochSecond();
    long secondReset = FakeTime.START.plusSeconds(361).getEpochSecond();
    github
        .listing(ISSUES, ListingJson.newestFirst(4), 2)
        .faultOnce(
            1,
            ListingRoute.status(
                403, "X-RateLimit-Remaining", "0", "X-RateLimit-Reset", Long.toString(firstReset)))
        .faultOnce(
            2,
            ListingRoute.status(
                403,
                "X-RateLimit-Remaining",
                "0",
                "X-RateLimit-Reset",
                Long.toString(secondReset)));

    assertThatThrownBy(() -> source(client().maxWait(Duration.ofMinutes(5)), 2).fetch())
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("page=2")
        .hasMessageContaining("longer than the 1m 59s left of the maximum wait of 5m");
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(181));
  }

  @Test
  void shouldWaitRetryAfterSecondsOn429() throws Exception {
    github
        .listing(ISSUES, ListingJson.newestFirst(4), 2)
        .faultOnce(1, ListingRoute.status(429, "Retry-After", "7"));

    FetchResult result = source(client(), 2).fetch();

    assertThat(numbers(result)).isEqualTo(ListingJson.numbersDown(4));
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7));
    assertThat(statuses).containsEntry(429, 1);
  }

  @Test
  void shouldReadBodyThatArrivesSlowly() throws Exception {
    CountDownLatch halfSent = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    github.listing(ISSUES, ListingJson.newestFirst(4), 2).faultOnce(2, new Slow(halfSent, release));
    GitHubIssueSource source = source(client(), 2);

    CompletableFuture<FetchResult> fetch =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return source.fetch();
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    assertThat(halfSent.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(fetch).isNotDone();
    release.countDown();

    assertThat(numbers(fetch.get(5, TimeUnit.SECONDS))).isEqualTo(ListingJson.numbersDown(4));
    assertThat(github.requestsForPage(2)).hasSize(1);
  }

  @Test
  void shouldRetryBodyThatStallsPastTheRequestTimeout() throws Exception {
    CountDownLatch halfSent = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    github.listing(ISSUES, ListingJson.newestFirst(4), 2).faultOnce(2, new Slow(halfSent, never));
    try {
      FetchResult result =
          source(client().timeouts(Duration.ofSeconds(2), Duration.ofSeconds(1)), 2).fetch();

      assertThat(numbers(result)).isEqualTo(ListingJson.numbersDown(4));
      assertThat(github.requestsForPage(2)).hasSize(2);
    } finally {
      never.countDown();
    }
  }

  @Test
  void shouldFailAfterBoundedTriesAndReturnNothing() {
    github.listing(ISSUES, ListingJson.newestFirst(6), 2).faultAlways(3, ListingRoute.status(500));

    assertThatThrownBy(() -> source(client().maxTries(5), 2).fetch())
        .isInstanceOf(SourceException.class)
        .hasMessageStartingWith(github.base() + ISSUES)
        .hasMessageContaining("page=3")
        .hasMessageContaining("failed after 5 tries; last error: HTTP 500 Internal Server Error");
    assertThat(github.requestsForPage(3)).hasSize(5);
    assertThat(time.sleeps()).hasSize(4);
  }

  @Test
  void shouldExplainNotFound() {
    GitHubIssueSource source =
        GitHubIssueSource.builder(client().token(TOKEN).build()).repo("x/y").build();

    assertThatThrownBy(source::fetch)
        .isInstanceOf(SourceException.class)
        .hasMessage(
            github.base()
                + "/repos/x/y/issues?labels=official-cve-feed&state=all&per_page=100:"
                + " 404 Not Found; check --repo");
    assertThat(github.requests()).hasSize(1);
  }

  @Test
  void shouldNeverPutTokenInMessages() {
    long reset = FakeTime.START.plusSeconds(3600).getEpochSecond();
    github
        .listing(ISSUES, ListingJson.newestFirst(4), 2)
        .faultAlways(
            1,
            ListingRoute.status(
                403, "X-RateLimit-Remaining", "0", "X-RateLimit-Reset", Long.toString(reset)));
    GitHubClientBuilder client = client().token(TOKEN);

    assertThatThrownBy(() -> source(client, 2).fetch())
        .isInstanceOf(SourceException.class)
        .hasMessageNotContaining(TOKEN)
        .hasMessageNotContaining("set GITHUB_TOKEN");
    assertThatThrownBy(() -> GitHubIssueSource.builder(client.build()).repo("x/y").build().fetch())
        .hasMessageNotContaining(TOKEN);
    assertThat(github.requests())
        .allSatisfy(r -> assertThat(r.header("Authorization")).contains("Bearer " + TOKEN));
  }
}
