package io.k8s.cvefeed.history;

import io.k8s.cvefeed.render.Artifact;
import io.k8s.cvefeed.render.MediaTypes;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code changes.json}: the change history, newest first. See {@code docs/consumers.md}. */
final class ChangeLog {
  static final String PATH = "changes.json";
  static final int SCHEMA = 1;
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private ChangeLog() {}

  static Artifact write(List<ChangeEvent> events, String title, String feedUrl) {
    ObjectNode root = JSON.createObjectNode();
    root.put("schema", SCHEMA);
    root.put("title", title);
    root.put("feed_url", feedUrl);
    if (!events.isEmpty()) {
      root.put("updated", events.get(0).time().toString());
    }
    ArrayNode list = root.putArray("events");
    for (ChangeEvent e : events) {
      ObjectNode n = list.addObject();
      n.put("time", e.time().toString());
      n.put("kind", e.kind().wireName());
      putIfPresent(n, "id", e.id());
      putIfPresent(n, "summary", e.summary());
      putIfPresent(n, "url", e.url());
      putIfPresent(n, "old_status", e.oldStatus());
      putIfPresent(n, "status", e.status());
      putIfPresent(n, "severity", e.severity());
      if (!e.fields().isEmpty()) {
        ArrayNode fields = n.putArray("fields");
        e.fields().forEach(fields::add);
      }
      if (e.kind() == ChangeEvent.Kind.INITIAL) {
        n.put("items", e.items());
      }
    }
    String text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    return Artifact.utf8(PATH, MediaTypes.JSON, text);
  }

  /**
   * Reads a published history. Events of kinds this version does not know are dropped.
   *
   * @throws IllegalArgumentException when the bytes are not a change history
   */
  static List<ChangeEvent> parse(byte[] bytes, String subject) {
    try {
      JsonNode root = JSON.readTree(bytes);
      if (root == null || root.path("schema").asInt(0) != SCHEMA) {
        throw new IllegalArgumentException(subject + ": not a change history of schema " + SCHEMA);
      }
      List<ChangeEvent> events = new ArrayList<>();
      for (JsonNode n : root.path("events")) {
        ChangeEvent.Kind kind = ChangeEvent.Kind.of(n.path("kind").asString(""));
        if (kind != null) {
          events.add(event(n, kind));
        }
      }
      return events;
    } catch (JacksonException | DateTimeParseException e) {
      throw new IllegalArgumentException(subject + ": unreadable (" + e.getMessage() + ")", e);
    }
  }

  private static ChangeEvent event(JsonNode n, ChangeEvent.Kind kind) {
    List<String> fields = new ArrayList<>();
    n.path("fields").forEach(f -> fields.add(f.asString()));
    return new ChangeEvent(
        Instant.parse(n.path("time").asString()),
        kind,
        text(n, "id"),
        text(n, "summary"),
        text(n, "url"),
        text(n, "status"),
        text(n, "old_status"),
        text(n, "severity"),
        fields,
        n.path("items").asInt(0));
  }

  private static @Nullable String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || !v.isString() ? null : v.asString();
  }

  private static void putIfPresent(ObjectNode n, String field, @Nullable String value) {
    if (value != null) {
      n.put(field, value);
    }
  }
}
