package io.k8s.cvefeed.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class GitHubIssueSourceTest {
  private static RawIssue issue(long number, String updatedAt, String title) {
    Instant created = Instant.parse("2024-01-01T00:00:00Z");
    return new RawIssue(
        number,
        title,
        null,
        "open",
        null,
        "https://github.com/o/r/issues/" + number,
        created,
        Instant.parse(updatedAt),
        null,
        List.of(),
        null);
  }

  @Test
  void shouldOrderNewestFirstKeepingLatestCopyOfRepeatedIssue() {
    // Issue 5 shifted onto two pages while listing; its title changed in between.
    List<RawIssue> listed =
        List.of(
            issue(5, "2024-01-01T00:00:00Z", "old"),
            issue(9, "2024-01-01T00:00:00Z", "nine"),
            issue(1, "2024-01-01T00:00:00Z", "one"),
            issue(5, "2024-03-01T00:00:00Z", "new"));

    List<RawIssue> out = GitHubIssueSource.newestFirst(listed);

    assertThat(out).extracting(RawIssue::number).containsExactly(9L, 5L, 1L);
    assertThat(out.get(1).title()).isEqualTo("new");
  }

  @Test
  void shouldBuildTheListingUrlFromApiBaseRepoAndLabel() {
    GitHubClient client =
        GitHubClient.builder().apiBase(URI.create("https://ghe.example/api/v3/")).build();

    GitHubIssueSource source =
        GitHubIssueSource.builder(client).repo("o/r").label("cve feed").perPage(50).build();

    assertThat(source.listUri())
        .hasToString(
            "https://ghe.example/api/v3/repos/o/r/issues?labels=cve%20feed&state=all&per_page=50");
  }

  @Test
  void shouldRejectMalformedSettings() {
    GitHubIssueSource.Builder builder = GitHubIssueSource.builder(GitHubClient.builder().build());

    assertThatThrownBy(() -> builder.repo("kubernetes"))
        .hasMessage("--repo: expected owner/name, got 'kubernetes'");
    assertThatThrownBy(() -> builder.perPage(101)).hasMessageContaining("1 to 100");
    assertThatThrownBy(() -> GitHubClient.builder().token("bad\ntoken"))
        .hasMessage("GITHUB_TOKEN: contains characters not allowed in an HTTP header");
  }
}
