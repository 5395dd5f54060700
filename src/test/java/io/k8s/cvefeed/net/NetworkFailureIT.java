package io.k8s.cvefeed.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Each kind of network failure, provoked for real on loopback, described in words. */
@Timeout(30)
class NetworkFailureIT {
  private static Throwable get(URI uri, Duration timeout) {
    HttpClient client =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).proxy(proxies()).build();
    return catchThrowable(
        () ->
            client.send(
                HttpRequest.newBuilder(uri).timeout(timeout).build(),
                HttpResponse.BodyHandlers.discarding()));
  }

  private static EnvironmentProxies proxies() {
    return EnvironmentProxies.from(Map.of());
  }

  private static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @Test
  void shouldNameARefusedConnectionAndItsHost() throws IOException {
    URI uri = URI.create("http://127.0.0.1:" + closedPort() + "/feed.json");

    NetworkFailure f = NetworkFailure.of(uri, get(uri, Duration.ofSeconds(5)), proxies());

    assertThat(f.kind()).isEqualTo(NetworkFailure.Kind.REFUSED);
    assertThat(f.text())
        .startsWith("connection refused by 127.0.0.1:" + uri.getPort() + ";")
        .contains("check the host and port");
  }

  @Test
  void shouldNameAHostThatDoesNotResolve() {
    URI uri = URI.create("https://cvefeed-test.invalid/feed.json");

    NetworkFailure f = NetworkFailure.of(uri, get(uri, Duration.ofSeconds(5)), proxies());

    assertThat(f.kind()).isEqualTo(NetworkFailure.Kind.NAME_NOT_RESOLVED);
    assertThat(f.text())
        .startsWith("host name cvefeed-test.invalid not resolved;")
        .contains("HTTPS_PROXY");
  }

  @Test
  void shouldNameAServerThatNeverAnswers() throws IOException {
    // The kernel completes the handshake from the backlog; nobody ever reads or answers.
    try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      URI uri = URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/");

      NetworkFailure f = NetworkFailure.of(uri, get(uri, Duration.ofMillis(300)), proxies());

      assertThat(f.kind()).isEqualTo(NetworkFailure.Kind.TIMEOUT);
      assertThat(f.text()).startsWith("no answer from 127.0.0.1:" + uri.getPort() + " in time");
    }
  }

  @Test
  void shouldNameATlsFailureAgainstAPlainHttpServer() throws IOException {
    try (PlainAnswer plain = new PlainAnswer()) {
      URI uri = URI.create("https://127.0.0.1:" + plain.port() + "/");

      NetworkFailure f = NetworkFailure.of(uri, get(uri, Duration.ofSeconds(5)), proxies());

      assertThat(f.kind()).isEqualTo(NetworkFailure.Kind.TLS);
      assertThat(f.text())
          .startsWith("TLS failure with 127.0.0.1:" + uri.getPort())
          .contains("https against a plain-http port");
    }
  }

  @Test
  void shouldBlameTheProxyWhenTheProxyRefuses() throws IOException {
    int proxyPort = closedPort();
    EnvironmentProxies viaProxy =
        EnvironmentProxies.from(Map.of("HTTPS_PROXY", "http://127.0.0.1:" + proxyPort));
    URI uri = URI.create("https://api.github.com/repos");
    HttpClient client = HttpClient.newBuilder().proxy(viaProxy).build();
    Throwable error =
        catchThrowable(
            () ->
                client.send(
                    HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding()));

    NetworkFailure f = NetworkFailure.of(uri, error, viaProxy);

    assertThat(f.text())
        .startsWith("connection refused by proxy 127.0.0.1:" + proxyPort + ";")
        .contains("HTTPS_PROXY");
  }
}
