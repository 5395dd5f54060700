package io.k8s.cvefeed.github;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the {@code GitHubIssueSource*IT} classes share: a {@link FakeGitHub} started before and
 * closed after each test, a {@link FakeTime}, and clients that count the HTTP statuses they saw.
 * Register it with {@code @RegisterExtension}.
 */
final class ListingFixture implements BeforeEachCallback, AfterEachCallback {
  static final String ISSUES = "/repos/o/r/issues";
  static final String TOKEN = "ghp_test0nly5ecret";

  final FakeTime time = new FakeTime();
  final Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
  private FakeGitHub github;

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    github = FakeGitHub.start();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    github.close();
  }

  FakeGitHub github() {
    return github;
  }

  /** A client on fake time with 2 s to connect and 5 s per request; it counts statuses. */
  GitHubClientBuilder client() {
    return GitHubClient.builder()
        .apiBase(github.base())
        .clock(time)
        .sleeper(time)
        .random(new Random(7))
        .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))
        .requestListener((status, remaining) -> statuses.merge(status, 1, Integer::sum));
  }

  /** The issues of {@code o/r}, {@code perPage} per page. */
  GitHubIssueSource source(GitHubClientBuilder client, int perPage) {
    return GitHubIssueSource.builder(client.build()).repo("o/r").perPage(perPage).build();
  }

  static List<Long> numbers(FetchResult result) {
    return result.issues().stream().map(RawIssue::number).toList();
  }
}
