package io.k8s.cvefeed.server;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes one line per event, as {@code key=value} text or JSON. Callers pass only values that are
 * safe to log: never a secret, a token or a request body.
 */
final class ServeLog {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int MAX_VALUE = 300;

  private final LogFormat format;
  private final Consumer<String> sink;
  private final Clock clock;

  ServeLog(LogFormat format, Consumer<String> sink, Clock clock) {
    this.format = format;
    this.sink = sink;
    this.clock = clock;
  }

  /**
   * Starts a line for {@code event} at {@code level} ({@code info}, {@code warn}, {@code error}).
   */
  Line line(String level, String event) {
    return new Line(level, event);
  }

  /** One log line under construction. */
  final class Line {
    private final String level;
    private final String event;
    private final Map<String, Object> fields = new LinkedHashMap<>();

    private Line(String level, String event) {
      this.level = level;
      this.event = event;
    }

    Line with(String key, @Nullable Object value) {
      if (value != null) {
        fields.put(key, value instanceof Number || value instanceof Boolean ? value : clean(value));
      }
      return this;
    }

    void write() {
      sink.accept(format == LogFormat.JSON ? json() : text());
    }

    private String json() {
      ObjectNode node = JSON.createObjectNode();
      node.put("time", clock.instant().toString());
      node.put("level", level);
      node.put("event", event);
      fields.forEach((k, v) -> node.set(k, JSON.valueToTree(v)));
      return JSON.writeValueAsString(node);
    }

    private String text() {
      StringBuilder sb = new StringBuilder();
      sb.append(clock.instant()).append(' ').append(level.toUpperCase(java.util.Locale.ROOT));
      sb.append(' ').append(event);
      fields.forEach((k, v) -> sb.append(' ').append(k).append('=').append(quote(v.toString())));
      return sb.toString();
    }
  }

  /** Strips control characters (no forged log lines) and bounds the length. */
  private static String clean(Object value) {
    String s = value.toString();
    StringBuilder sb = new StringBuilder(Math.min(s.length(), MAX_VALUE));
    for (int i = 0; i < s.length() && sb.length() < MAX_VALUE; i++) {
      char c = s.charAt(i);
      sb.append(Character.isISOControl(c) ? '?' : c);
    }
    return s.length() > MAX_VALUE ? sb + "…" : sb.toString();
  }

  private static String quote(String s) {
    if (!s.isEmpty() && s.chars().noneMatch(c -> c == ' ' || c == '"' || c == '=')) {
      return s;
    }
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
