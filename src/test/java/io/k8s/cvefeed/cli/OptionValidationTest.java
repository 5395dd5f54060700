package io.k8s.cvefeed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each command checks all its options in one place and reports every problem at once. */
class OptionValidationTest {
  @TempDir Path dir;
  private final CliRunner cli = new CliRunner();

  private int run(String... args) {
    return cli.home(dir).run(args);
  }

  @Test
  void shouldReportEveryRefreshProblemAtOnce() {
    int code =
        run(
            "refresh",
            "--out",
            dir.toString(),
            "--repo",
            "not-a-repo",
            "--max-wait",
            "soon",
            "--github-api",
            "ftp://example.com",
            "--formats",
            "json,pdf",
            "--notify-webhook",
            "ftp://hooks.example.com/secret",
            "--cve-records",
            "sometimes",
            "--cve-records-ttl",
            "0s",
            "--cve-api",
            "ftp://cve.example.com");

    assertThat(code).isEqualTo(2);
    assertThat(cli.err())
        .contains(
            "--repo not-a-repo: expected OWNER/NAME",
            "--max-wait \"soon\": not a duration",
            "--github-api ftp://example.com: expected an http(s) URL",
            "pdf",
            "--notify-webhook ftp://hooks.example.com/…: expected an http(s) URL with a host",
            "--cve-records sometimes",
            "--cve-records-ttl 0s: must be positive",
            "--cve-api ftp://cve.example.com: not an http(s) URL")
        .doesNotContain("secret");
  }

  @Test
  void shouldReportServeProblemsTogetherWithTheRefreshOnes() {
    int code =
        run(
            "serve",
            "--out",
            dir.toString(),
            "--repo",
            "not-a-repo",
            "--notify-webhook",
            "ftp://hooks.example.com/x",
            "--listen",
            "everywhere",
            "--interval",
            "0s",
            "--stale-after",
            "-1h",
            "--admin-token-env",
            "NO_SUCH_VARIABLE",
            "--log-format",
            "xml");

    assertThat(code).isEqualTo(2);
    assertThat(cli.err())
        .contains(
            "--repo not-a-repo: expected OWNER/NAME",
            "--notify-webhook ftp://hooks.example.com/…",
            "--listen everywhere: expected [HOST]:PORT",
            "--interval 0s: must be longer than zero",
            "--stale-after \"-1h\": not a duration",
            "--admin-token-env NO_SUCH_VARIABLE: the environment variable is not set",
            "--log-format xml: expected text or json");
  }
}
