package io.k8s.cvefeed.net;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;

/**
 * A failed network exchange in words: what failed (connection refused, name not resolved, host
 * unreachable, timeout, TLS failure, connection closed), for which host, and the next step. Every
 * command describes its network errors through {@link #of}, adding its own hint (an option to
 * check) after {@link #text()}.
 *
 * @param kind what failed
 * @param what e.g. {@code connection refused by api.github.com:443}
 * @param nextStep what to check, e.g. the proxy variables
 */
public record NetworkFailure(Kind kind, String what, String nextStep) {
  /** The kinds of failure, each with its words. */
  public enum Kind {
    REFUSED,
    NAME_NOT_RESOLVED,
    UNREACHABLE,
    TIMEOUT,
    TLS,
    CLOSED,
    OTHER
  }

  private static final String PROXY_VARIABLES =
      "behind a proxy, set HTTPS_PROXY (and NO_PROXY for hosts to reach directly)";

  /** {@code what; nextStep}. */
  public String text() {
    return what + "; " + nextStep;
  }

  @Override
  public String toString() {
    return text();
  }

  /**
   * Describes {@code error}, raised while talking to {@code target} through the proxies in force
   * ({@link EnvironmentProxies#installed()}).
   */
  public static NetworkFailure of(URI target, Throwable error) {
    return of(target, error, EnvironmentProxies.installed());
  }

  /**
   * Describes {@code error}, raised while talking to {@code target} through {@code proxies} (or
   * directly when {@code null}); a failure to reach a proxy says so.
   */
  public static NetworkFailure of(
      URI target, Throwable error, @Nullable EnvironmentProxies proxies) {
    InetSocketAddress proxy = proxies == null ? null : proxies.proxyFor(target);
    String host = hostPort(target);
    String via = proxy == null ? "" : " via proxy " + proxy.getHostString() + ":" + proxy.getPort();
    String proxyStep =
        proxy == null
            ? PROXY_VARIABLES
            : "check the proxy in HTTPS_PROXY/HTTP_PROXY, or list the host in NO_PROXY";
    Kind kind = kind(error);
    return switch (kind) {
      case REFUSED ->
          new NetworkFailure(
              kind,
              "connection refused by " + (proxy == null ? host : "proxy " + proxyAt(proxy)),
              proxy == null ? "check the host and port, and that the server runs" : proxyStep);
      case NAME_NOT_RESOLVED ->
          new NetworkFailure(
              kind,
              "host name "
                  + (proxy == null ? target.getHost() : proxy.getHostString() + " (the proxy)")
                  + " not resolved",
              proxy == null
                  ? "check the host name and DNS; " + PROXY_VARIABLES
                  : "check the proxy's host name in HTTPS_PROXY/HTTP_PROXY");
      case UNREACHABLE ->
          new NetworkFailure(
              kind, host + " unreachable" + via, "check the network or firewall; " + proxyStep);
      case TIMEOUT ->
          new NetworkFailure(
              kind,
              "no answer from " + host + via + " in time (" + detail(error) + ")",
              "check the network and that the server answers; " + proxyStep);
      case TLS ->
          new NetworkFailure(
              kind,
              "TLS failure with " + host + via + " (" + detail(error) + ")",
              "check that the URL's scheme matches the server (https against a plain-http port"
                  + " fails) and that its certificate is trusted");
      case CLOSED ->
          new NetworkFailure(
              kind,
              "connection to " + host + via + " closed before a complete answer",
              "try again; if it persists, " + proxyStep);
      case OTHER ->
          new NetworkFailure(
              kind, "network error with " + host + via + " (" + detail(error) + ")", proxyStep);
    };
  }

  /**
   * What failed, in words, for messages whose subject already names the host (a bucket, a git
   * remote): e.g. {@code name not resolved (UnknownHostException: storage.example)}; {@code null}
   * when {@code error} is no network failure.
   */
  public static @Nullable String summary(Throwable error) {
    Kind kind = kind(error);
    String words =
        switch (kind) {
          case REFUSED -> "connection refused";
          case NAME_NOT_RESOLVED -> "host name not resolved";
          case UNREACHABLE -> "host unreachable";
          case TIMEOUT -> "no answer in time";
          case TLS -> "TLS failure";
          case CLOSED -> "connection closed before a complete answer";
          case OTHER -> null;
        };
    return words == null ? null : words + " (" + detail(error) + "); " + PROXY_VARIABLES;
  }

  /** The kind of {@code error}, found anywhere in its cause chain. */
  public static Kind kind(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
      if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
        return Kind.NAME_NOT_RESOLVED;
      }
      if (t instanceof SSLException) {
        return Kind.TLS;
      }
      if (message.contains("connection refused")) {
        return Kind.REFUSED;
      }
      if (t instanceof HttpTimeoutException || t instanceof SocketTimeoutException) {
        return Kind.TIMEOUT;
      }
      if (t instanceof NoRouteToHostException
          || message.contains("no route to host")
          || message.contains("network is unreachable")
          || message.contains("host is unreachable")) {
        return Kind.UNREACHABLE;
      }
      if (message.contains("timed out")) {
        return Kind.TIMEOUT;
      }
      if (t instanceof EOFException
          || message.contains("connection reset")
          || message.contains("broken pipe")
          || message.contains("closed")) {
        return Kind.CLOSED;
      }
      if (t instanceof ConnectException
          && (t.getCause() == null || t.getCause() instanceof ClosedChannelException)) {
        return Kind.REFUSED; // JDK 17's HttpClient: no message, a ClosedChannelException inside
      }
    }
    return Kind.OTHER;
  }

  private static String hostPort(URI target) {
    int port = target.getPort();
    if (port == -1) {
      port = "https".equalsIgnoreCase(target.getScheme()) ? 443 : 80;
    }
    String host = target.getHost() == null ? String.valueOf(target) : target.getHost();
    return host + ":" + port;
  }

  private static String proxyAt(InetSocketAddress proxy) {
    return proxy.getHostString() + ":" + proxy.getPort();
  }

  private static String detail(Throwable error) {
    Throwable deepest = error;
    while (deepest.getCause() != null && deepest.getCause() != deepest) {
      deepest = deepest.getCause();
    }
    String m = deepest.getMessage();
    String name = deepest.getClass().getSimpleName();
    return m == null || m.isBlank() ? name : name + ": " + m;
  }
}
