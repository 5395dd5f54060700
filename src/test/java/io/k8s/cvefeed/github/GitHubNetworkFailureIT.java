package io.k8s.cvefeed.github;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Without a reachable GitHub the refresh says what failed, for which host, and what to check. */
@Timeout(30)
class GitHubNetworkFailureIT {
  private final FakeTime time = new FakeTime();

  private GitHubClient client(URI api) {
    return GitHubClient.builder()
        .apiBase(api)
        .clock(time)
        .sleeper(time)
        .random(new Random(7))
        .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))
        .build();
  }

  @Test
  void shouldSayTheConnectionWasRefusedByWhichHostAndWhatToCheck() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    URI api = URI.create("http://127.0.0.1:" + port);

    assertThatThrownBy(() -> client(api).getJson(api.resolve("/repos/o/r/issues")))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining(
            "failed after 5 tries; last error: connection refused by 127.0.0.1:" + port + ";")
        .hasMessageContaining("--github-api")
        .hasMessageNotContaining("ConnectException");
  }

  @Test
  void shouldSayTheNameWasNotResolvedAndPointAtTheProxyVariables() {
    URI api = URI.create("https://api.github.invalid");

    assertThatThrownBy(() -> client(api).getJson(api.resolve("/repos/o/r/issues")))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("last error: host name api.github.invalid not resolved;")
        .hasMessageContaining("HTTPS_PROXY")
        .hasMessageContaining("--github-api");
  }
}
