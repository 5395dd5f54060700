package io.k8s.cvefeed.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.k8s.cvefeed.publish.git.GitOptions;
import io.k8s.cvefeed.publish.git.GitTarget;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TargetsTest {
  // Endpoints and a region are given so that no client looks for cloud metadata servers.
  private static final PublishOptions OPTIONS =
      new PublishOptions(
          URI.create("http://127.0.0.1:9"),
          URI.create("http://127.0.0.1:9"),
          true,
          "eu-west-1",
          GitOptions.defaults("ghp_unitTestToken"));

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "gs://k8s-cve-feed, GcsPublisher, gs://k8s-cve-feed",
    "gs://k8s-cve-feed/feeds/official/, GcsPublisher, gs://k8s-cve-feed/feeds/official",
    "s3://cve-feed/k8s, S3Publisher, s3://cve-feed/k8s",
    "file:///srv/feed, DirectoryPublisher, file:///srv/feed",
    "git+file:///srv/website.git?branch=main&path=static/security, GitPublisher,"
        + " git+file:///srv/website.git?branch=main&path=static/security",
  })
  void shouldBuildThePublisherOfEachScheme(String uri, String type, String target) {
    Publisher publisher = Targets.parse(uri, OPTIONS);

    assertThat(publisher.getClass().getSimpleName()).isEqualTo(type);
    assertThat(publisher.target()).isEqualTo(target);
  }

  @Test
  void shouldReadRepositoryBranchPathAndPullRequestRepoFromAGitHubUri() {
    GitTarget git =
        Targets.git(
            "x",
            URI.create(
                "git+https://github.com/kubernetes/website.git?branch=main"
                    + "&path=/static/docs/reference/issues-security/"));

    assertThat(git)
        .isEqualTo(
            new GitTarget(
                "https://github.com/kubernetes/website.git",
                "main",
                "static/docs/reference/issues-security",
                "cvefeed/update",
                null,
                "kubernetes/website"));
  }

  @Test
  void shouldPushToAForkWhenOneIsGiven() {
    GitTarget git =
        Targets.git(
            "x",
            URI.create(
                "git+https://github.com/kubernetes/website.git?work=cve-feed"
                    + "&fork=https%3A%2F%2Fgithub.com%2Fk8s-cve-bot%2Fwebsite.git"));

    assertThat(git.workRemote()).isEqualTo("https://github.com/k8s-cve-bot/website.git");
    assertThat(git.workBranch()).isEqualTo("cve-feed");
    assertThat(git.base()).isEqualTo("main");
  }

  @Test
  void shouldOpenNoPullRequestForALocalRepositoryWithoutGithubParameter() {
    GitTarget git = Targets.git("x", URI.create("git+file:///srv/site.git?path=feed"));

    assertThat(git.github()).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "ftp://host/feed | ftp://host/feed: unknown target; use file:///dir",
        "gs:///feed | gs:///feed: expected gs://bucket/prefix with a valid bucket name",
        "s3://Bad_Bucket/x | s3://Bad_Bucket/x: expected s3://bucket/prefix",
        "gs://bucket/x?y=1 | gs://bucket/x?y=1: a bucket target takes no ?query",
        "git+file:///r.git?brnch=main | git+file:///r.git?brnch=main: unknown parameter brnch;",
        "git+file:///r.git?path=../etc | git+file:///r.git?path=../etc: path must stay inside",
        "git+file:///r.git?github=nope | git+file:///r.git?github=nope: expected OWNER/REPO",
        "file://host/dir | file://host/dir: expected file:///absolute/dir",
        "not a uri | not a uri: not a URI",
      })
  void shouldExplainABadUri(String uri, String message) {
    assertThatThrownBy(() -> Targets.parse(uri, OPTIONS))
        .isInstanceOf(TargetException.class)
        .hasMessageStartingWith(message);
  }

  @Test
  void shouldRejectCredentialsInTheUriWithoutRepeatingThem() {
    assertThatThrownBy(
            () ->
                Targets.parse(
                    "git+https://bot:ghp_s3cret@github.com/kubernetes/website.git", OPTIONS))
        .isInstanceOf(TargetException.class)
        .hasMessageStartingWith("git+https://***@github.com/kubernetes/website.git: credentials")
        .message()
        .doesNotContain("ghp_s3cret");
  }

  @Test
  void shouldRequireATokenToOpenPullRequests() {
    PublishOptions noToken =
        new PublishOptions(null, null, false, "eu-west-1", GitOptions.defaults(null));

    assertThatThrownBy(
            () -> Targets.parse("git+https://github.com/kubernetes/website.git", noToken))
        .isInstanceOf(TargetException.class)
        .hasMessageEndingWith("a pull request needs a GitHub token; set GITHUB_TOKEN");
  }

  @Test
  void shouldNeverShowTheTokenInGitOptions() {
    assertThat(OPTIONS.git().toString()).doesNotContain("ghp_unitTestToken").contains("token=***");
  }
}
