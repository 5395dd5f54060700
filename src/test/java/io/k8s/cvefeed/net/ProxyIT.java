package io.k8s.cvefeed.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Once {@link EnvironmentProxies#install}ed, a JDK {@code HttpClient} built as cvefeed builds them
 * (without {@code .proxy(...)}) goes through the proxy, or around it for {@code NO_PROXY} hosts.
 */
@Timeout(30)
class ProxyIT {
  private HttpServer origin;
  private CountingProxy proxy;

  @BeforeEach
  void start() throws IOException {
    origin = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    origin.createContext(
        "/",
        e -> {
          byte[] body = "hello".getBytes(StandardCharsets.UTF_8);
          e.sendResponseHeaders(200, body.length);
          e.getResponseBody().write(body);
          e.close();
        });
    origin.start();
    proxy = CountingProxy.start();
  }

  @AfterEach
  void stop() throws IOException {
    EnvironmentProxies.install(Map.of());
    proxy.close();
    origin.stop(0);
  }

  private String originUrl(String scheme) {
    return scheme + "://127.0.0.1:" + origin.getAddress().getPort() + "/feed.json";
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return HttpClient.newBuilder()
        .build()
        .send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void shouldCarryHttpRequestsThroughHttpProxy() throws Exception {
    EnvironmentProxies.install(Map.of("http_proxy", proxy.url()));

    HttpResponse<String> response = get(originUrl("http"));

    assertThat(response.body()).isEqualTo("hello");
    assertThat(proxy.requests()).containsExactly("GET " + originUrl("http") + " HTTP/1.1");
  }

  @Test
  void shouldTunnelHttpsRequestsThroughHttpsProxyWithConnect() throws IOException {
    EnvironmentProxies.install(Map.of("HTTPS_PROXY", proxy.url()));

    try (PlainAnswer plain = new PlainAnswer()) {
      // The far end speaks plain HTTP, so TLS fails inside the tunnel: what counts is the CONNECT.
      Throwable error = catchThrowable(() -> get("https://127.0.0.1:" + plain.port() + "/x"));

      assertThat(NetworkFailure.kind(error)).isEqualTo(NetworkFailure.Kind.TLS);
      // The JDK client may retry a GET once after a failed handshake: one CONNECT or two.
      assertThat(proxy.requests())
          .isNotEmpty()
          .containsOnly("CONNECT 127.0.0.1:" + plain.port() + " HTTP/1.1");
    }
  }

  @Test
  void shouldGoAroundTheProxyForNoProxyHosts() throws Exception {
    EnvironmentProxies.install(
        Map.of("HTTP_PROXY", proxy.url(), "NO_PROXY", "localhost,127.0.0.1"));

    HttpResponse<String> response = get(originUrl("http"));

    assertThat(response.body()).isEqualTo("hello");
    assertThat(proxy.requests()).isEmpty();
  }

  @Test
  void shouldRestoreTheJvmDefaultWhenNoVariableIsSet() throws Exception {
    EnvironmentProxies.install(Map.of("HTTP_PROXY", proxy.url()));
    EnvironmentProxies.install(Map.of());

    get(originUrl("http"));

    assertThat(proxy.requests()).isEmpty();
    assertThat(EnvironmentProxies.installed()).isNull();
  }
}
