package io.k8s.cvefeed.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The one handler: picks the route, checks the method, counts and logs the answer, and maps
 * unexpected exceptions to 500 in one place. {@link HttpTransport} sends the answer.
 */
final class Router {
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

  /**
   * Whether the request can be answered without blocking, so on the I/O thread that read it: a
   * liveness probe, or a GET/HEAD of a file held in memory. Everything else (a file to read, a
   * webhook to verify, a readiness check, a scrape) goes to the worker pool.
   */
  boolean answersInline(String method, String rawPath) {
    return switch (route(rawPath)) {
      case "healthz" -> true;
      case "artifact" ->
          (method.equals("GET") || method.equals("HEAD")) && artifacts.answersFromMemory(rawPath);
      default -> false;
    };
  }

  /** Answers one request; never throws. */
  Reply handle(Request exchange) {
    String path = exchange.rawPath();
    String route = route(path);
    Reply reply;
    try {
      reply = answer(route, exchange);
    } catch (IOException | RuntimeException e) {
      // An unreadable file; the cause goes to the log, not to the client.
      reply = Reply.text(exchange, 500, "internal server error").refused("error: " + e);
    }
    metrics.httpRequest(route, reply.status());
    String refusal = reply.refusal();
    if (refusal != null) {
      logRefusal(exchange, path, reply.status(), refusal);
    }
    return reply;
  }

  /** The answer to a request the transport could not parse: a 400, counted and logged. */
  Reply malformed(Request exchange) {
    Reply reply =
        Reply.text(exchange, 400, "bad request: malformed request line, headers or body")
            .refused("malformed request");
    metrics.httpRequest("malformed", 400);
    logRefusal(exchange, exchange.rawPath(), 400, "malformed request");
    return reply;
  }

  private Reply answer(String route, Request exchange) throws IOException {
    String method = exchange.method();
    boolean post = route.equals("webhook") || route.equals("refresh");
    if (post ? !method.equals("POST") : !(method.equals("GET") || method.equals("HEAD"))) {
      exchange.setHeader("Allow", post ? "POST" : "GET, HEAD");
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
        exchange.setHeader("Content-Type", ServerMetrics.CONTENT_TYPE);
        exchange.setHeader("Cache-Control", "no-store");
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

  private Reply adminRefresh(Request exchange) {
    String token = adminToken;
    if (token == null) {
      return Reply.text(exchange, 404, "not found: refresh endpoint is off (no admin token)")
          .refused("refresh endpoint off");
    }
    String auth = exchange.header("Authorization");
    String given =
        auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)
            ? auth.substring(7).trim()
            : null;
    if (given == null || !HubSignature.sameSecret(token, given)) {
      exchange.setHeader("WWW-Authenticate", "Bearer realm=\"cvefeed\"");
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

  private void logRefusal(Request exchange, String path, int status, String reason) {
    log.line(status >= 500 ? "error" : "warn", "request_refused")
        .with("method", exchange.method())
        .with("path", path)
        .with("status", status)
        .with("reason", reason)
        .with("remote", exchange.remote())
        .write();
  }
}
