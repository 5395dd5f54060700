package io.k8s.cvefeed.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The one handler: picks the route, checks the method, counts and logs the answer, and maps
 * unexpected exceptions to 500 in one place.
 */
final class Router implements HttpHandler {
  private final ArtifactRoute artifacts;
  private final WebhookRoute webhook;
  private final @Nullable String adminToken;
  private final Predicate<String> trigger;
  private final Readiness readiness;
  private final ServerMetrics metrics;
  private final ServeLog log;

  Router(
      ArtifactRoute artifacts,
      WebhookRoute webhook,
      @Nullable String adminToken,
      Predicate<String> trigger,
      Readiness readiness,
      ServerMetrics metrics,
      ServeLog log) {
    this.artifacts = artifacts;
    this.webhook = webhook;
    this.adminToken = adminToken;
    this.trigger = trigger;
    this.readiness = readiness;
    this.metrics = metrics;
    this.log = log;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getRawPath();
    String route = route(path);
    Reply reply;
    try {
      reply = answer(route, exchange);
    } catch (IOException | RuntimeException e) {
      // An unreadable file or request body; if the client has gone, sending fails quietly below.
      reply = Reply.text(exchange, 500, "internal server error").refused("error: " + e);
    }
    metrics.httpRequest(route, reply.status());
    String refusal = reply.refusal();
    if (refusal != null) {
      logRefusal(exchange, path, reply.status(), refusal);
    }
    try {
      reply.send(exchange);
    } catch (IOException e) {
      // The client went away mid-answer; nothing more to say.
    } finally {
      exchange.close();
    }
  }

  private Reply answer(String route, HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    boolean post = route.equals("webhook") || route.equals("refresh");
    if (post ? !method.equals("POST") : !(method.equals("GET") || method.equals("HEAD"))) {
      exchange.getResponseHeaders().set("Allow", post ? "POST" : "GET, HEAD");
      return Reply.text(exchange, 405, "method not allowed")
          .refused("method " + method + " not allowed");
    }
    return switch (route) {
      case "healthz" -> Reply.text(exchange, 200, "ok");
      case "readyz" -> {
        Readiness.Verdict v = readiness.check();
        yield Reply.text(exchange, v.ready() ? 200 : 503, v.reason());
      }
      case "metrics" -> {
        exchange.getResponseHeaders().set("Content-Type", ServerMetrics.CONTENT_TYPE);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        yield new Reply(200, metrics.scrape().getBytes(StandardCharsets.UTF_8), null);
      }
      case "webhook" -> {
        WebhookRoute.Delivery d = webhook.handle(exchange);
        metrics.webhook(d.outcome(), d.reason());
        yield d.rejected() ? d.reply().refused("webhook " + d.reason()) : d.reply();
      }
      case "refresh" -> adminRefresh(exchange);
      default -> artifacts.serve(exchange);
    };
  }

  private Reply adminRefresh(HttpExchange exchange) {
    String token = adminToken;
    if (token == null) {
      return Reply.text(exchange, 404, "not found: refresh endpoint is off (no admin token)")
          .refused("refresh endpoint off");
    }
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    String given =
        auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)
            ? auth.substring(7).trim()
            : null;
    if (given == null || !HubSignature.sameSecret(token, given)) {
      exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"cvefeed\"");
      String why = given == null ? "missing bearer token" : "wrong bearer token";
      return Reply.text(exchange, 401, "unauthorized: " + why).refused(why);
    }
    if (!trigger.test("admin")) {
      return Reply.text(exchange, 503, "unavailable: server is stopping");
    }
    return Reply.text(exchange, 202, "accepted: refresh scheduled");
  }

  static String route(String path) {
    return switch (path) {
      case "/healthz" -> "healthz";
      case "/readyz" -> "readyz";
      case "/metrics" -> "metrics";
      case "/hooks/github" -> "webhook";
      case "/refresh" -> "refresh";
      default -> "artifact";
    };
  }

  private void logRefusal(HttpExchange exchange, String path, int status, String reason) {
    log.line(status >= 500 ? "error" : "warn", "request_refused")
        .with("method", exchange.getRequestMethod())
        .with("path", path)
        .with("status", status)
        .with("reason", reason)
        .with("remote", exchange.getRemoteAddress().getAddress().getHostAddress())
        .write();
  }
}
