package io.k8s.cvefeed.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The real GitHub API: run with {@code -Dgroups=live} and {@code GITHUB_TOKEN} set. Excluded from
 * the default build, which never touches the network.
 */
@Tag("live")
class GitHubIssueSourceLiveIT {
  @Test
  void shouldListOfficialCveFeedIssuesOfKubernetes() throws Exception {
    String token = System.getenv("GITHUB_TOKEN");
    assumeTrue(token != null && !token.isBlank(), "GITHUB_TOKEN is not set");
    GitHubClient client = GitHubClient.builder().token(token).maxWait(Duration.ZERO).build();

    FetchResult result = GitHubIssueSource.builder(client).build().fetch();

    assertThat(result.issues()).hasSizeGreaterThan(50);
    assertThat(result.issues())
        .allSatisfy(issue -> assertThat(issue.labels()).contains("official-cve-feed"));
    assertThat(result.rateLimitRemaining()).isNotNull();
  }
}
