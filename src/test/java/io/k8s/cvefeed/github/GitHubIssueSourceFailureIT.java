package io.k8s.cvefeed.github;

import static io.k8s.cvefeed.github.ListingFixture.ISSUES;
import static io.k8s.cvefeed.github.ListingFixture.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link GitHubIssueSource} against {@link FakeGitHub}: a listing that cannot be read fails with a
 * message naming the request, and never the token.
 */
@Timeout(20)
class GitHubIssueSourceFailureIT {
  @RegisterExtension final ListingFixture fixture = new ListingFixture();

  @Test
  void shouldFailAfterBoundedTriesAndReturnNothing() {
    fixture
        .github()
        .listing(ISSUES, ListingJson.newestFirst(6), 2)
        .faultAlways(3, ListingRoute.status(500));

    assertThatThrownBy(() -> fixture.source(fixture.client().maxTries(5), 2).fetch())
        .isInstanceOf(SourceException.class)
        .hasMessageStartingWith(fixture.github().base() + ISSUES)
        .hasMessageContaining("page=3")
        .hasMessageContaining("failed after 5 tries; last error: HTTP 500 Internal Server Error");
    assertThat(fixture.github().requestsForPage(3)).hasSize(5);
    assertThat(fixture.time.sleeps()).hasSize(4);
  }

  @Test
  void shouldExplainNotFound() {
    GitHubIssueSource source =
        GitHubIssueSource.builder(fixture.client().token(TOKEN).build()).repo("x/y").build();

    assertThatThrownBy(source::fetch)
        .isInstanceOf(SourceException.class)
        .hasMessage(
            fixture.github().base()
                + "/repos/x/y/issues?labels=official-cve-feed&state=all&per_page=100:"
                + " 404 Not Found; check --repo");
    assertThat(fixture.github().requests()).hasSize(1);
  }

  @Test
  void shouldNeverPutTokenInMessages() {
    long reset = FakeTime.START.plusSeconds(3600).getEpochSecond();
    fixture
        .github()
        .listing(ISSUES, ListingJson.newestFirst(4), 2)
        .faultAlways(
            1,
            ListingRoute.status(
                403, "X-RateLimit-Remaining", "0", "X-RateLimit-Reset", Long.toString(reset)));
    GitHubClientBuilder client = fixture.client().token(TOKEN);

    assertThatThrownBy(() -> fixture.source(client, 2).fetch())
        .isInstanceOf(SourceException.class)
        .hasMessageNotContaining(TOKEN)
        .hasMessageNotContaining("set GITHUB_TOKEN");
    assertThatThrownBy(() -> GitHubIssueSource.builder(client.build()).repo("x/y").build().fetch())
        .hasMessageNotContaining(TOKEN);
    assertThat(fixture.github().requests())
        .allSatisfy(r -> assertThat(r.header("Authorization")).contains("Bearer " + TOKEN));
  }
}
