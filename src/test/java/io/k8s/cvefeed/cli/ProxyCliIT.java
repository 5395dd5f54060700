package io.k8s.cvefeed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8s.cvefeed.github.FakeGitHub;
import io.k8s.cvefeed.net.CountingProxy;
import io.k8s.cvefeed.net.EnvironmentProxies;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cvefeed refresh} honours the proxy variables of the environment it is given: the issues
 * listing comes from {@link FakeGitHub}, directly or through a {@link CountingProxy}.
 */
@Timeout(60)
class ProxyCliIT {
  private static final String ISSUE =
      """
      [{"number":1,"title":"CVE-2024-0001: one","body":"b","state":"open","state_reason":null,\
      "html_url":"https://github.com/kubernetes/kubernetes/issues/1",\
      "created_at":"2024-01-01T00:00:00Z","updated_at":"2024-02-01T00:00:00Z","closed_at":null,\
      "labels":[{"name":"official-cve-feed"}],"user":{"login":"src"}}]""";

  @TempDir Path dir;
  private FakeGitHub github;
  private CountingProxy proxy;
  private final CliRunner cli = new CliRunner();

  @BeforeEach
  void start() throws IOException {
    github = FakeGitHub.start();
    github.route("/repos/kubernetes/kubernetes/issues", ex -> FakeGitHub.send(ex, 200, ISSUE));
    proxy = CountingProxy.start();
  }

  @AfterEach
  void stop() throws IOException {
    EnvironmentProxies.install(Map.of());
    proxy.close();
    github.close();
  }

  private int refresh(Map<String, String> env) {
    return cli.env(env)
        .run(
            "refresh",
            "--github-api",
            github.base().toString(),
            "--out",
            dir.resolve("public").toString(),
            "--cache-dir",
            dir.resolve("cache").toString());
  }

  @Test
  void shouldFetchFromGitHubThroughTheProxy() {
    assertThat(refresh(Map.of("HTTP_PROXY", proxy.url()))).isZero();

    assertThat(proxy.requests()).isNotEmpty().allMatch(r -> r.startsWith("GET " + github.base()));
  }

  @Test
  void shouldFetchDirectlyForNoProxyHosts() {
    Map<String, String> env = new HashMap<>();
    env.put("http_proxy", proxy.url());
    env.put("no_proxy", "127.0.0.1");

    assertThat(refresh(env)).isZero();

    assertThat(proxy.requests()).isEmpty();
  }

  @Test
  void shouldRefuseAProxyItCannotUseAsAUsageError() {
    assertThat(refresh(Map.of("HTTPS_PROXY", "socks5://127.0.0.1:1080"))).isEqualTo(2);

    assertThat(cli.err())
        .startsWith("cvefeed: HTTPS_PROXY: socks5:// proxies are not supported; use an http://");
  }
}
