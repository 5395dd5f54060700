package io.k8s.cvefeed.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The proxies the environment asks for, as curl, git, pip and Go tools read them: {@code
 * https_proxy}/{@code HTTPS_PROXY} for https URLs, {@code http_proxy}/{@code HTTP_PROXY} for http
 * URLs, {@code all_proxy}/{@code ALL_PROXY} for either when the specific one is unset, and {@code
 * no_proxy}/{@code NO_PROXY} for hosts reached directly ({@link NoProxy}); the lower-case form wins
 * when both are set. A proxy is {@code http://HOST[:PORT]} (or {@code HOST[:PORT]}; port 80 when
 * left out); https URLs go through it with {@code CONNECT}.
 *
 * <p>The command line {@link #install}s it as the JVM's default selector before any command runs,
 * so every HTTP client follows it: the JDK {@code HttpClient}s (GitHub, webhooks, {@code verify}
 * and {@code check} URLs, the git target's pull requests; build new ones without {@code
 * .proxy(...)} and they do too), JGit, and the GCS and S3 clients, which open {@code
 * HttpURLConnection}s. URLs the variables do not cover fall back to the selector that was the
 * default before, which honours the JVM's {@code -Dhttps.proxyHost} properties.
 */
public final class EnvironmentProxies extends ProxySelector {
  private final @Nullable InetSocketAddress http;
  private final @Nullable InetSocketAddress https;
  private final NoProxy noProxy;
  private final @Nullable ProxySelector fallback;

  private EnvironmentProxies(
      @Nullable InetSocketAddress http,
      @Nullable InetSocketAddress https,
      NoProxy noProxy,
      @Nullable ProxySelector fallback) {
    this.http = http;
    this.https = https;
    this.noProxy = noProxy;
    this.fallback = fallback;
  }

  /**
   * Reads the proxy variables from {@code env}.
   *
   * @throws IllegalArgumentException when a proxy variable is not an http proxy URL; the message
   *     names the variable and says what to do
   */
  public static EnvironmentProxies from(Map<String, String> env) {
    String all = variable(env, "all_proxy");
    InetSocketAddress allProxy = all == null ? null : address("ALL_PROXY", all);
    String http = variable(env, "http_proxy");
    String https = variable(env, "https_proxy");
    String none = variable(env, "no_proxy");
    return new EnvironmentProxies(
        http == null ? allProxy : address("HTTP_PROXY", http),
        https == null ? allProxy : address("HTTPS_PROXY", https),
        NoProxy.parse(none == null ? "" : none),
        jvmDefault());
  }

  /**
   * Reads the proxy variables from {@code env} and makes them the JVM's default selector, which
   * every HTTP client cvefeed builds uses (the JDK {@code HttpClient} without {@code .proxy(...)},
   * JGit, the GCS and S3 clients). Without proxy variables the JVM's own default stays (or comes
   * back, after an earlier install).
   *
   * @return the settings now in force
   * @throws IllegalArgumentException as {@link #from}
   */
  public static EnvironmentProxies install(Map<String, String> env) {
    EnvironmentProxies proxies = from(env);
    if (proxies.configured()) {
      ProxySelector.setDefault(proxies);
    } else if (ProxySelector.getDefault() instanceof EnvironmentProxies earlier) {
      ProxySelector.setDefault(earlier.fallback);
    }
    return proxies;
  }

  /** The settings in force: the installed ones, or none. */
  public static @Nullable EnvironmentProxies installed() {
    return ProxySelector.getDefault() instanceof EnvironmentProxies p ? p : null;
  }

  private static @Nullable ProxySelector jvmDefault() {
    ProxySelector d = ProxySelector.getDefault();
    return d instanceof EnvironmentProxies e ? e.fallback : d;
  }

  /** No proxy at all (tests, and clients that must reach loopback directly). */
  public static EnvironmentProxies none() {
    return new EnvironmentProxies(null, null, NoProxy.parse(""), null);
  }

  /** Whether any proxy variable is set. */
  public boolean configured() {
    return http != null || https != null;
  }

  /** The proxy for {@code uri}, or {@code null} when it is reached directly. */
  public @Nullable InetSocketAddress proxyFor(URI uri) {
    Proxy p = select(uri).get(0);
    return p.type() == Proxy.Type.HTTP && p.address() instanceof InetSocketAddress a ? a : null;
  }

  @Override
  public List<Proxy> select(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    InetSocketAddress proxy =
        switch (scheme) {
          case "https", "wss" -> https;
          case "http", "ws" -> http;
          default -> null;
        };
    String host = uri.getHost();
    if (proxy == null) {
      return fallback != null ? fallback.select(uri) : List.of(Proxy.NO_PROXY);
    }
    if (host != null && noProxy.matches(host, port(uri, scheme))) {
      return List.of(Proxy.NO_PROXY);
    }
    return List.of(new Proxy(Proxy.Type.HTTP, proxy));
  }

  @Override
  public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
    // Nothing to remember: the failure reaches the caller, which describes it.
  }

  private static int port(URI uri, String scheme) {
    if (uri.getPort() != -1) {
      return uri.getPort();
    }
    return scheme.equals("https") || scheme.equals("wss") ? 443 : 80;
  }

  private static @Nullable String variable(Map<String, String> env, String lower) {
    String v = env.get(lower);
    if (v == null || v.isBlank()) {
      v = env.get(lower.toUpperCase(Locale.ROOT));
    }
    return v == null || v.isBlank() ? null : v.strip();
  }

  private static InetSocketAddress address(String name, String value) {
    String withScheme = value.contains("://") ? value : "http://" + value;
    URI uri;
    try {
      uri = new URI(withScheme);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          name + ": not a proxy URL (" + e.getReason() + "); expected http://HOST:PORT", e);
    }
    if (!"http".equalsIgnoreCase(uri.getScheme())) {
      throw new IllegalArgumentException(
          name
              + ": "
              + uri.getScheme()
              + ":// proxies are not supported; use an http:// proxy (https URLs still go through"
              + " it encrypted, with CONNECT)");
    }
    if (uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          name
              + ": proxy credentials (user:password@) are not supported; use a proxy that admits"
              + " this host without them");
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException(
          name + ": no host in " + withScheme + "; expected http://HOST:PORT");
    }
    return InetSocketAddress.createUnresolved(
        uri.getHost(), uri.getPort() == -1 ? 80 : uri.getPort());
  }

  @Override
  public String toString() {
    return "proxies from the environment (http: "
        + (http == null ? "none" : http.getHostString() + ":" + http.getPort())
        + ", https: "
        + (https == null ? "none" : https.getHostString() + ":" + https.getPort())
        + ")";
  }
}
