package io.k8s.cvefeed.server;

import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /hooks/github}: a signed GitHub delivery about an issue carrying the feed label
 * triggers a refresh. Unsigned or mis-signed deliveries are refused before anything is parsed.
 */
final class WebhookRoute {
  static final int MAX_BODY = 1024 * 1024;

  /**
   * GitHub caps webhook payloads at 25 MB. A refused body is still read and dropped up to this much
   * before the 413 goes out: closing a socket with unread request bytes makes the kernel send a
   * reset, and the sender would then see a broken connection instead of the reason. Past it the
   * connection is closed.
   */
  static final long DRAIN_LIMIT = 32L * 1024 * 1024;

  static final Set<String> ACTIONS =
      Set.of("labeled", "unlabeled", "edited", "closed", "reopened", "deleted", "transferred");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** What the route did: the HTTP status and the metric outcome and reason. */
  record Delivery(Reply reply, String outcome, String reason) {
    boolean rejected() {
      return outcome.equals("rejected");
    }
  }

  private final byte @Nullable [] secret;
  private final String label;
  private final Predicate<String> trigger;

  /**
   * @param secret the webhook secret, or {@code null} to switch the route off
   * @param label the feed label; deliveries about other issues are ignored
   * @param trigger asks for a refresh; {@code false} when the server is stopping
   */
  WebhookRoute(byte @Nullable [] secret, String label, Predicate<String> trigger) {
    this.secret = secret == null ? null : secret.clone();
    this.label = label;
    this.trigger = trigger;
  }

  Delivery handle(Request exchange) {
    byte[] key = secret;
    if (key == null) {
      return new Delivery(
          Reply.text(exchange, 404, "not found: webhook endpoint is off (no secret configured)"),
          "rejected",
          "disabled");
    }
    if (exchange.bodyTooLarge()) {
      return new Delivery(
          Reply.text(exchange, 413, "payload too large: limit " + MAX_BODY + " bytes"),
          "rejected",
          "too_large");
    }
    HubSignature.Check check =
        HubSignature.check(key, exchange.body(), exchange.header(HubSignature.HEADER));
    if (check != HubSignature.Check.VALID) {
      return new Delivery(
          Reply.text(exchange, 401, "unauthorized: " + check.reason().replace('_', ' ')),
          "rejected",
          check.reason());
    }
    String event = exchange.header("X-GitHub-Event");
    if ("ping".equals(event)) {
      return new Delivery(Reply.text(exchange, 200, "pong"), "accepted", "ping");
    }
    if (!"issues".equals(event)) {
      return new Delivery(
          Reply.text(exchange, 202, "ignored: not an issues event"), "ignored", "other_event");
    }
    return issues(exchange, exchange.body());
  }

  private Delivery issues(Request exchange, byte[] body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JacksonException e) {
      return new Delivery(
          Reply.text(exchange, 400, "bad request: payload is not JSON"), "rejected", "bad_payload");
    }
    String action = text(root.path("action"));
    if (!ACTIONS.contains(action)) {
      return new Delivery(
          Reply.text(exchange, 202, "ignored: action does not change the feed"),
          "ignored",
          "action");
    }
    if (!concernsLabel(root)) {
      return new Delivery(
          Reply.text(exchange, 202, "ignored: issue lacks the feed label"), "ignored", "label");
    }
    if (!trigger.test("webhook")) {
      return new Delivery(
          Reply.text(exchange, 503, "unavailable: server is stopping"), "rejected", "stopping");
    }
    return new Delivery(
        Reply.text(exchange, 202, "accepted: refresh scheduled"), "accepted", action);
  }

  private boolean concernsLabel(JsonNode root) {
    if (label.equals(text(root.path("label").path("name")))) {
      return true;
    }
    for (JsonNode l : root.path("issue").path("labels")) {
      if (label.equals(text(l.path("name")))) {
        return true;
      }
    }
    return false;
  }

  private static String text(JsonNode node) {
    return node.isString() ? node.stringValue() : "";
  }
}
