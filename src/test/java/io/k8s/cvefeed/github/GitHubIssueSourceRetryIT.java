package io.k8s.cvefeed.github;

import static io.k8s.cvefeed.github.ListingFixture.ISSUES;
import static io.k8s.cvefeed.github.ListingFixture.numbers;
import static org.assertj.core.api.Assertions.assertThat;

import io.k8s.cvefeed.github.ListingRoute.CutShort;
import io.k8s.cvefeed.github.ListingRoute.Reset;
import io.k8s.cvefeed.github.ListingRoute.Slow;
import io.k8s.cvefeed.github.ListingRoute.Truncate;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link GitHubIssueSource} against {@link FakeGitHub}: pages that fail once (server errors,
 * resets, cut or slow bodies) are fetched again.
 */
@Timeout(20)
class GitHubIssueSourceRetryIT {
  @RegisterExtension final ListingFixture fixture = new ListingFixture();

  @Test
  void shouldRetryServerErrorsThenSucceed() throws Exception {
    fixture
        .github()
        .listing(ISSUES, ListingJson.newestFirst(6), 2)
        .fault(
            2,
            attempt ->
                switch (attempt) {
                  case 1 -> ListingRoute.status(500);
                  case 2 -> ListingRoute.status(502);
                  default -> null;
                });

    FetchResult result = fixture.source(fixture.client(), 2).fetch();

    assertThat(numbers(result)).isEqualTo(ListingJson.numbersDown(6));
    assertThat(result.requests()).isEqualTo(5);
    assertThat(fixture.statuses).containsEntry(500, 1).containsEntry(502, 1).containsEntry(200, 3);
    assertThat(fixture.time.sleeps()).hasSize(2);
  }

  @Test
  void shouldRetryConnectionReset() throws Exception {
    fixture.github().listing(ISSUES, ListingJson.newestFirst(6), 2).faultOnce(2, new Reset());

    FetchResult result = fixture.source(fixture.client(), 2).fetch();

    assertThat(numbers(result)).isEqualTo(ListingJson.numbersDown(6));
    assertThat(fixture.github().requestsForPage(2)).hasSize(2);
  }

  @Test
  void shouldRetryTruncatedJson() throws Exception {
    fixture.github().listing(ISSUES, ListingJson.newestFirst(6), 2).faultOnce(3, new Truncate());

    FetchResult result = fixture.source(fixture.client(), 2).fetch();

    assertThat(numbers(result)).isEqualTo(ListingJson.numbersDown(6));
    assertThat(fixture.github().requestsForPage(3)).hasSize(2);
    assertThat(result.requests()).isEqualTo(4);
  }

  @Test
  void shouldRetryBodyCutShortByClosedConnection() throws Exception {
    fixture.github().listing(ISSUES, ListingJson.newestFirst(6), 2).faultOnce(2, new CutShort());

    FetchResult result = fixture.source(fixture.client(), 2).fetch();

    assertThat(numbers(result)).isEqualTo(ListingJson.numbersDown(6));
    assertThat(fixture.github().requestsForPage(2)).hasSize(2);
  }

  @Test
  void shouldReadBodyThatArrivesSlowly() throws Exception {
    CountDownLatch halfSent = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    fixture
        .github()
        .listing(ISSUES, ListingJson.newestFirst(4), 2)
        .faultOnce(2, new Slow(halfSent, release));
    GitHubIssueSource source = fixture.source(fixture.client(), 2);

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
    assertThat(fixture.github().requestsForPage(2)).hasSize(1);
  }

  @Test
  void shouldRetryBodyThatStallsPastTheRequestTimeout() throws Exception {
    CountDownLatch halfSent = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    fixture
        .github()
        .listing(ISSUES, ListingJson.newestFirst(4), 2)
        .faultOnce(2, new Slow(halfSent, never));
    try {
      FetchResult result =
          fixture
              .source(fixture.client().timeouts(Duration.ofSeconds(2), Duration.ofSeconds(1)), 2)
              .fetch();

      assertThat(numbers(result)).isEqualTo(ListingJson.numbersDown(4));
      assertThat(fixture.github().requestsForPage(2)).hasSize(2);
    } finally {
      never.countDown();
    }
  }
}
