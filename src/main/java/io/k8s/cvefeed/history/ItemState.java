package io.k8s.cvefeed.history;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the history compares of one JSON Feed item. The {@code _cvefeed} fields are {@code null}
 * when the item has no such extension (a feed published before it existed), and are then not
 * compared.
 *
 * @param id the CVE id
 * @param url the issue link
 * @param summary the item summary
 * @param body the SHA-256 of the item's {@code content_text}: enough to see an edit, and the
 *     history need not hold every announcement twice
 * @param status the fix status as the feed spells it
 * @param severity {@code _cvefeed.severity} and {@code _cvefeed.cvss_vector}, as one string
 * @param ranges {@code _cvefeed.affected}, as compact JSON
 * @param extended whether the item carries a {@code _cvefeed} object
 */
record ItemState(
    String id,
    String url,
    String summary,
    String body,
    String status,
    @Nullable String severity,
    @Nullable String ranges,
    boolean extended) {
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  /** The severity as shown to people: {@code HIGH}, or {@code null} when unknown. */
  @Nullable String severityName() {
    if (severity == null || severity.isEmpty()) {
      return null;
    }
    int space = severity.indexOf(' ');
    String name = space < 0 ? severity : severity.substring(0, space);
    return name.isEmpty() ? null : name;
  }

  /**
   * Reads the items of a JSON Feed ({@code official-cve-feed.json}), keyed by id in feed order.
   *
   * @param subject names the file in messages
   * @throws IllegalArgumentException when the bytes are not a JSON Feed
   */
  static Map<String, ItemState> parseFeed(byte[] bytes, String subject) {
    JsonNode root;
    try {
      root = JSON.readTree(bytes);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(
          subject + ": not JSON (" + e.getOriginalMessage() + ")", e);
    }
    JsonNode items = root == null ? null : root.get("items");
    if (items == null || !items.isArray()) {
      throw new IllegalArgumentException(subject + ": not a JSON Feed (no \"items\" array)");
    }
    Map<String, ItemState> out = new LinkedHashMap<>();
    for (JsonNode item : items) {
      String id = item.path("id").asString("");
      if (!id.isEmpty()) {
        out.put(id, of(item));
      }
    }
    return out;
  }

  private static ItemState of(JsonNode item) {
    JsonNode ext = item.get("_cvefeed");
    boolean extended = ext != null && ext.isObject();
    String severity = null;
    String ranges = null;
    if (extended) {
      severity = (ext.path("severity").asString("") + " " + ext.path("cvss_vector").asString(""));
      JsonNode affected = ext.get("affected");
      ranges = affected == null ? "[]" : JSON.writeValueAsString(affected);
    }
    return new ItemState(
        item.path("id").asString(""),
        item.path("url").asString(""),
        item.path("summary").asString(""),
        sha256(item.path("content_text").asString("")),
        item.path("status").asString(""),
        severity == null ? null : severity.strip(),
        ranges,
        extended);
  }

  private static String sha256(String text) {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256")
                  .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
  }
}
