package io.k8s.cvefeed.github;

import static io.k8s.cvefeed.github.ListingFixture.ISSUES;
import static io.k8s.cvefeed.github.ListingFixture.numbers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link GitHubIssueSource} against {@link FakeGitHub}: waiting out 403 and 429 rate limits. */
@Timeout(20)
class GitHubIssueSourceRateLimitIT {
  @RegisterExtension final ListingFixture fixture = new ListingFixture();

  @Test
  void shouldWaitForRateLimitResetWithinMaxWait() throws Exception {
    long reset = FakeTime.START.plusSeconds(120).getEpochSecond();
    fixture
        .github()
        .listing(ISSUES, ListingJson.newestFirst(4), 2)
        .faultOnce(
            2,
            ListingRoute.status(
                403, "X-RateLimit-Remaining", "0", "X-RateLimit-Reset", Long.toString(reset)));

    FetchResult result = fixture.source(fixture.client().maxWait(Duration.ofMinutes(5)), 2).fetch();

    assertThat(numbers(result)).isEqualTo(ListingJson.numbersDown(4));
    assertThat(fixture.time.sleeps())
        .containsExactly(Duration.ofSeconds(121)); // until reset, plus 1 s
  }

  @Test
  void shouldFailAtOnceWhenRateLimitResetsBeyondMaxWait() {
    long reset = FakeTime.START.plusSeconds(3600).getEpochSecond();
    fixture
        .github()
        .listing(ISSUES, ListingJson.newestFirst(4), 2)
        .faultAlways(
            1,
            ListingRoute.status(
                403, "X-RateLimit-Remaining", "0", "X-RateLimit-Reset", Long.toString(reset)));

    assertThatThrownBy(
            () -> fixture.source(fixture.client().maxWait(Duration.ofMinutes(5)), 2).fetch())
        .isInstanceOf(SourceException.class)
        .hasMessageContaining(fixture.github().base() + ISSUES)
        .hasMessageContaining("resets at 2026-01-01T01:00:01Z")
        .hasMessageContaining("set GITHUB_TOKEN");
    assertThat(fixture.time.sleeps()).isEmpty();
    assertThat(fixture.github().requests()).hasSize(1);
  }

  @Test
  void shouldBoundTheWholeListingsWaitingByMaxWaitNotEachPages() {
    // Page 1 waits 181 s for its reset; page 2 then meets another limit, 181 s away again. Each
    // wait is under the 5 min maximum, but together they would pass it: the listing gives up.
    long firstReset = FakeTime.START.plusSeconds(180).getEpochSecond();
    long secondReset = FakeTime.START.plusSeconds(361).getEpochSecond();
    fixture
        .github()
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

    assertThatThrownBy(
            () -> fixture.source(fixture.client().maxWait(Duration.ofMinutes(5)), 2).fetch())
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("page=2")
        .hasMessageContaining("longer than the 1m 59s left of the maximum wait of 5m");
    assertThat(fixture.time.sleeps()).containsExactly(Duration.ofSeconds(181));
  }

  @Test
  void shouldWaitRetryAfterSecondsOn429() throws Exception {
    fixture
        .github()
        .listing(ISSUES, ListingJson.newestFirst(4), 2)
        .faultOnce(1, ListingRoute.status(429, "Retry-After", "7"));

    FetchResult result = fixture.source(fixture.client(), 2).fetch();

    assertThat(numbers(result)).isEqualTo(ListingJson.numbersDown(4));
    assertThat(fixture.time.sleeps()).containsExactly(Duration.ofSeconds(7));
    assertThat(fixture.statuses).containsEntry(429, 1);
  }
}
