package io.k8s.cvefeed.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which URLs go through which proxy, with curl's reading of the variables. */
class EnvironmentProxiesTest {
  /** {@code NAME=value NAME=value}. */
  private static Map<String, String> env(String spec) {
    Map<String, String> env = new HashMap<>();
    for (String pair : spec.strip().split("\\s+")) {
      if (!pair.isEmpty()) {
        env.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
      }
    }
    return env;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "https URL through HTTPS_PROXY  | HTTPS_PROXY=http://proxy:3128                        | https://api.github.com/x   | proxy:3128",
        "lower case wins                | HTTPS_PROXY=http://upper:1 https_proxy=http://lower:2 | https://api.github.com/x   | lower:2",
        "no scheme, default port 80     | HTTPS_PROXY=proxy                                    | https://api.github.com/x   | proxy:80",
        "http URL through HTTP_PROXY    | http_proxy=http://proxy:3128                         | http://example.com/x       | proxy:3128",
        "HTTP_PROXY leaves https alone  | HTTP_PROXY=http://proxy:3128                         | https://api.github.com/x   | DIRECT",
        "ALL_PROXY for both             | ALL_PROXY=http://proxy:3128                          | https://api.github.com/x   | proxy:3128",
        "NO_PROXY host and subdomains   | HTTPS_PROXY=http://p:1 NO_PROXY=github.com           | https://api.github.com/x   | DIRECT",
        "NO_PROXY exact host            | HTTPS_PROXY=http://p:1 NO_PROXY=github.com           | https://github.com/x       | DIRECT",
        "NO_PROXY .domain               | HTTPS_PROXY=http://p:1 NO_PROXY=.github.com          | https://api.github.com/x   | DIRECT",
        "NO_PROXY is no substring match | HTTPS_PROXY=http://p:1 NO_PROXY=hub.com              | https://api.github.com/x   | p:1",
        "NO_PROXY star                  | HTTPS_PROXY=http://p:1 NO_PROXY=*                    | https://api.github.com/x   | DIRECT",
        "NO_PROXY list, lower case      | HTTPS_PROXY=http://p:1 no_proxy=localhost,github.com | https://api.github.com/x   | DIRECT",
        "NO_PROXY host:port, same port  | HTTPS_PROXY=http://p:1 NO_PROXY=example.com:8443     | https://example.com:8443/x | DIRECT",
        "NO_PROXY host:port, other port | HTTPS_PROXY=http://p:1 NO_PROXY=example.com:8443     | https://example.com/x      | p:1",
        "NO_PROXY IPv4 literal          | HTTPS_PROXY=http://p:1 NO_PROXY=10.0.0.1             | https://10.0.0.1/x         | DIRECT",
        "NO_PROXY other IPv4            | HTTPS_PROXY=http://p:1 NO_PROXY=10.0.0.1             | https://10.0.0.2/x         | p:1",
        "NO_PROXY IPv6 literal          | HTTP_PROXY=http://p:1 NO_PROXY=::1                   | http://[::1]:8080/x        | DIRECT",
        "NO_PROXY bracketed IPv6, port  | HTTP_PROXY=http://p:1 NO_PROXY=[::1]:8080            | http://[::1]:8080/x        | DIRECT",
        "nothing set                    | HOME=/root                                           | https://api.github.com/x   | DIRECT",
      })
  void shouldChooseTheProxyAsCurlDoes(String name, String env, String url, String expected) {
    InetSocketAddress proxy = EnvironmentProxies.from(env(env)).proxyFor(URI.create(url));

    assertThat(proxy == null ? "DIRECT" : proxy.getHostString() + ":" + proxy.getPort())
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "socks proxy      | HTTPS_PROXY=socks5://p:1080   | HTTPS_PROXY: socks5:// proxies are not supported; use an http:// proxy",
        "credentials      | HTTPS_PROXY=http://u:pw@p:1   | HTTPS_PROXY: proxy credentials (user:password@) are not supported",
        "not a URL        | HTTP_PROXY=http://p:x:y       | HTTP_PROXY: ",
      })
  void shouldRefuseProxiesItCannotUseWithTheVariableName(String name, String env, String message) {
    assertThatThrownBy(() -> EnvironmentProxies.from(env(env)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(message)
        .hasMessageNotContaining("pw");
  }
}
