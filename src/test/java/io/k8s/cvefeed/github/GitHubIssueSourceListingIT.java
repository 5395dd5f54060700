package io.k8s.cvefeed.github;

import static io.k8s.cvefeed.github.ListingFixture.ISSUES;
import static io.k8s.cvefeed.github.ListingFixture.TOKEN;
import static io.k8s.cvefeed.github.ListingFixture.numbers;
import static org.assertj.core.api.Assertions.assertThat;

import io.k8s.cvefeed.github.ListingRoute.Gather;
import io.k8s.cvefeed.github.ListingRoute.NoLink;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link GitHubIssueSource} against {@link FakeGitHub}: the listing request it sends and how it
 * walks the pages, with and without {@code Link} headers.
 */
@Timeout(20)
class GitHubIssueSourceListingIT {
  @RegisterExtension final ListingFixture fixture = new ListingFixture();

  @Test
  void shouldFetchPagesTwoToLastConcurrently() throws Exception {
    // 10 issues, 2 per page: page 1 names page 5 as last; pages 2-5 wait for each other.
    CountDownLatch together = new CountDownLatch(2);
    ListingRoute listing = fixture.github().listing(ISSUES, ListingJson.newestFirst(10), 2);
    for (int page = 2; page <= 5; page++) {
      listing.faultAlways(page, new Gather(together));
    }
    List<String> progress = new ArrayList<>();
    GitHubIssueSource source =
        GitHubIssueSource.builder(fixture.client().build())
            .repo("o/r")
            .perPage(2)
            .progress((done, total) -> progress.add(done + "/" + total))
            .build();

    FetchResult result = source.fetch();

    assertThat(numbers(result)).isEqualTo(ListingJson.numbersDown(10));
    assertThat(result.pages()).isEqualTo(5);
    assertThat(result.requests()).isEqualTo(5);
    assertThat(fixture.github().maxInFlight()).isGreaterThan(1);
    assertThat(progress).containsExactly("1/5", "2/5", "3/5", "4/5", "5/5");
  }

  @Test
  void shouldSendTheDocumentedListingRequest() throws Exception {
    fixture.github().listing(ISSUES, ListingJson.newestFirst(1), 100);

    fixture.source(fixture.client().token(TOKEN), 100).fetch();

    FakeGitHub.Request request = fixture.github().requests().get(0);
    assertThat(request.query()).isEqualTo("labels=official-cve-feed&state=all&per_page=100");
    assertThat(request.header("Authorization")).contains("Bearer " + TOKEN);
    assertThat(request.header("Accept")).contains("application/vnd.github+json");
    assertThat(request.header("X-GitHub-Api-Version")).contains("2022-11-28");
    assertThat(request.header("User-Agent")).hasValueSatisfying(ua -> assertThat(ua).isNotBlank());
  }

  @Test
  void shouldSendNoAuthorizationWithoutToken() throws Exception {
    fixture.github().listing(ISSUES, ListingJson.newestFirst(1), 100);

    fixture.source(fixture.client().token(null), 100).fetch();

    assertThat(fixture.github().requests().get(0).header("Authorization")).isEmpty();
  }

  @Test
  void shouldDropPullRequests() throws Exception {
    // Page 1: issue 4, pull request 3; page 2: issue 2, pull request 1.
    fixture
        .github()
        .listing(
            ISSUES,
            List.of(
                ListingJson.issue(4),
                ListingJson.pullRequest(3),
                ListingJson.issue(2),
                ListingJson.pullRequest(1)),
            2);

    FetchResult result = fixture.source(fixture.client(), 2).fetch();

    assertThat(numbers(result)).containsExactly(4L, 2L);
    assertThat(result.pages()).isEqualTo(2);
  }

  @Test
  void shouldReadEveryPageWhenMiddlePageLacksLink() throws Exception {
    fixture.github().listing(ISSUES, ListingJson.newestFirst(8), 2).faultAlways(3, new NoLink());

    FetchResult result = fixture.source(fixture.client(), 2).fetch();

    assertThat(numbers(result)).isEqualTo(ListingJson.numbersDown(8));
    assertThat(result.pages()).isEqualTo(4);
  }

  @Test
  void shouldPageSequentiallyWhenFullFirstPageLacksLink() throws Exception {
    // 5 issues, 2 per page, no Link anywhere: pages 1, 2 are full, page 3 is short.
    ListingRoute listing = fixture.github().listing(ISSUES, ListingJson.newestFirst(5), 2);
    for (int page = 1; page <= 3; page++) {
      listing.faultAlways(page, new NoLink());
    }

    FetchResult result = fixture.source(fixture.client(), 2).fetch();

    assertThat(numbers(result)).isEqualTo(ListingJson.numbersDown(5));
    assertThat(result.pages()).isEqualTo(3);
  }
}
