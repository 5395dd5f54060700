package io.k8s.cvefeed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Commands that read a URL say in words what failed, for which host, and what to check. */
@Timeout(30)
class NetworkErrorsCliIT {
  @TempDir Path dir;
  private final CliRunner cli = new CliRunner();
  private int closedPort;

  @BeforeEach
  void findAClosedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
  }

  private int run(String... args) {
    return cli.home(dir).run(args);
  }

  @Test
  void checkShouldSayTheFeedUrlWasRefused() {
    int code =
        run(
            "check",
            "--version",
            "v1.30.2",
            "--feed",
            "http://127.0.0.1:" + closedPort + "/official-cve-feed.json");

    assertThat(code).isEqualTo(1);
    assertThat(cli.err())
        .contains("connection refused by 127.0.0.1:" + closedPort, "check the --feed URL")
        .doesNotContain("ConnectException");
  }

  @Test
  void verifyShouldSayTheReleaseHostIsNotResolved() {
    assertThat(run("keygen", "--out", dir.toString())).isZero();

    int code =
        run(
            "verify",
            "--public-key",
            dir.resolve("cvefeed.pub").toString(),
            "https://feed.cvefeed-test.invalid/");

    assertThat(code).isEqualTo(1);
    assertThat(cli.err())
        .contains(
            "host name feed.cvefeed-test.invalid not resolved",
            "HTTPS_PROXY",
            "check the release URL");
  }
}
