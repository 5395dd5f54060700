package io.k8s.cvefeed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Commands that read a URL say in words what failed, for which host, and what to check. */
@Timeout(30)
class NetworkErrorsCliIT {
  @TempDir Path dir;
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private int closedPort;

  @BeforeEach
  void findAClosedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
  }

  private int run(String... args) {
    PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    return Cli.run(
        args,
        new Cli.Context(
            sink,
            new PrintStream(err, true, StandardCharsets.UTF_8),
            Map.of("HOME", dir.toString()),
            Clock.systemUTC()));
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
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
    assertThat(err())
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
    assertThat(err())
        .contains(
            "host name feed.cvefeed-test.invalid not resolved",
            "HTTPS_PROXY",
            "check the release URL");
  }
}
