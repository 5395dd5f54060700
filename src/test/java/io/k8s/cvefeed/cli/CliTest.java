package io.k8s.cvefeed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line in-process: arguments in, exit code and streams out; no GitHub needed. */
class CliTest {
  @TempDir Path dir;
  private final CliRunner cli = new CliRunner();

  private int run(String... args) {
    return cli.home(dir).run(args);
  }

  @Test
  void shouldPrintUsageAndExit2WithoutArguments() {
    assertThat(run()).isEqualTo(2);
    assertThat(cli.err()).contains("Usage: cvefeed", "refresh");
  }

  @Test
  void shouldListEveryCommandInHelpAndSuggestOneForATypo() {
    assertThat(run("--help")).isZero();
    assertThat(cli.out()).contains("refresh", "serve", "label", "verify", "keygen", "check");

    assertThat(run("refesh")).isEqualTo(2);
    assertThat(cli.err()).contains("refesh", "refresh");
  }

  @Test
  void shouldHelpWithOneCommandWhenNamedAfterHelp() {
    assertThat(run("help", "check")).isZero();
    assertThat(cli.out()).contains("Usage: cvefeed check");
  }

  @Test
  void shouldExit2OnAnUnknownOption() {
    assertThat(run("refresh", "--no-such-option")).isEqualTo(2);
    assertThat(cli.err()).contains("Unknown option: '--no-such-option'", "cvefeed refresh --help");
  }

  @Test
  void shouldReportEveryConfigurationProblemAtOnce() {
    int code =
        run(
            "refresh",
            "--repo",
            "not-a-repo",
            "--github-api",
            "ftp://example.com",
            "--concurrency",
            "0",
            "--publish",
            "ftp://host/path");

    assertThat(code).isEqualTo(2);
    assertThat(cli.err())
        .contains("--repo not-a-repo: expected OWNER/NAME")
        .contains("--github-api ftp://example.com: expected an http(s) URL")
        .contains("--concurrency 0: expected 1 to 32")
        .contains("--publish ftp://host/path: unknown target");
    assertThat(dir.resolve("public")).doesNotExist();
  }

  @Test
  void shouldRejectAnUnreadableDuration() {
    assertThat(run("refresh", "--max-wait", "five minutes")).isEqualTo(2);
    assertThat(cli.err()).contains("\"five minutes\": not a duration; write it like 90s, 5m");
  }

  @Test
  void shouldDocumentExitCodesInHelp() {
    assertThat(run("refresh", "--help")).isZero();
    assertThat(cli.out())
        .contains("GITHUB_TOKEN", "--allow-shrink", "Exit codes:", "7   published or unchanged");
  }

  @Test
  void shouldPrintTheVersion() {
    assertThat(run("--version")).isZero();
    // Tests run from classes, not the jar: the version comes from the filtered properties file.
    assertThat(cli.out()).matches("cvefeed \\d+\\.\\d+\\.\\d+.*\\R");
  }

  @Test
  void shouldRejectAnUnreadableListenAddress() {
    assertThat(run("serve", "--listen", "localhost:http")).isEqualTo(2);
    assertThat(cli.err()).contains("--listen localhost:http: expected [HOST]:PORT");
  }

  @Test
  void shouldRefuseToServeWithAMissingWebhookSecret() {
    assertThat(run("serve", "--listen", "127.0.0.1:0", "--webhook-secret-env", "NO_SUCH_VAR"))
        .isEqualTo(2);
    assertThat(cli.err())
        .contains("--webhook-secret-env NO_SUCH_VAR: the environment variable is not set");
  }

  @Test
  void shouldRejectAZeroInterval() {
    assertThat(run("serve", "--listen", "127.0.0.1:0", "--interval", "0s")).isEqualTo(2);
    assertThat(cli.err()).contains("--interval 0s: must be longer than zero");
  }
}
