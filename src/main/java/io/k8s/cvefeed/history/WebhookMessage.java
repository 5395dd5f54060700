package io.k8s.cvefeed.history;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON body POSTed for one event: Slack-compatible ({@code text}, with a Slack link), with the
 * details in further fields for other receivers.
 */
final class WebhookMessage {
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private WebhookMessage() {}

  static byte[] of(ChangeEvent e) {
    ObjectNode root = JSON.createObjectNode();
    root.put("text", text(e));
    root.put("kind", e.kind().wireName());
    put(root, "id", e.id());
    put(root, "summary", e.summary());
    put(root, "status", e.status());
    put(root, "old_status", e.oldStatus());
    put(root, "severity", e.severity());
    put(root, "url", e.url());
    root.put("time", e.time().toString());
    return JSON.writeValueAsString(root).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * E.g. {@code Kubernetes CVE-2024-1234 added (HIGH): summary <url|issue>}. Slack's three control
   * characters are escaped in the summary, so a title cannot forge a link or mention.
   */
  static String text(ChangeEvent e) {
    String what =
        switch (e.kind()) {
          case ADDED -> "new";
          case STATUS_CHANGED -> "status " + e.oldStatus() + " → " + e.status();
          case EDITED -> "edited";
          case REMOVED -> "removed";
          case INITIAL -> "feed first published";
        };
    StringBuilder s = new StringBuilder("Kubernetes ");
    s.append(e.id() == null ? "CVE feed" : e.id()).append(' ').append(what);
    if (e.severity() != null) {
      s.append(" (").append(e.severity()).append(')');
    }
    if (e.summary() != null && !e.summary().isEmpty()) {
      s.append(": ").append(slackEscape(e.summary()));
    }
    if (e.url() != null) {
      s.append(" <").append(slackEscape(e.url())).append("|issue>");
    }
    return s.toString();
  }

  static String slackEscape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static void put(ObjectNode n, String field, @Nullable String value) {
    if (value != null) {
      n.put(field, value);
    }
  }
}
