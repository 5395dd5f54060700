package io.k8s.cvefeed.check;

import io.k8s.cvefeed.extract.Components;
import io.k8s.cvefeed.model.AffectedRange;
import io.k8s.cvefeed.model.RangeEvent;
import io.k8s.cvefeed.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads OSV records ({@code osv/CVE-….json}, ours or the older community ones) and the JSON Feed
 * when its items carry the {@code _cvefeed} extension with ranges. Only {@code SEMVER} and {@code
 * ECOSYSTEM} ranges are read; {@code GIT} ranges say nothing about release versions.
 */
final class OsvReader {
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private OsvReader() {}

  /** What a JSON document is. */
  enum Kind {
    OSV_RECORD,
    JSON_FEED,
    OTHER
  }

  static JsonNode tree(byte[] bytes, String subject) throws CheckInputException {
    try {
      JsonNode root = JSON.readTree(bytes);
      if (root == null || !root.isObject()) {
        throw new CheckInputException(subject + ": not a JSON object");
      }
      return root;
    } catch (JacksonException e) {
      throw new CheckInputException(subject + ": not JSON (" + e.getOriginalMessage() + ")", e);
    }
  }

  static Kind kind(JsonNode root) {
    if (root.path("items").isArray()) {
      return Kind.JSON_FEED;
    }
    if (root.path("id").isString() && (root.has("affected") || root.has("modified"))) {
      return Kind.OSV_RECORD;
    }
    return Kind.OTHER;
  }

  /** One OSV record; {@code null} when it is withdrawn. */
  static @Nullable Vulnerability record(JsonNode root, String subject) throws CheckInputException {
    if (root.hasNonNull("withdrawn")) {
      return null;
    }
    String id = root.path("id").asString("");
    if (id.isEmpty()) {
      throw new CheckInputException(subject + ": OSV record without an id");
    }
    List<AffectedRange> ranges = new ArrayList<>();
    for (JsonNode a : root.path("affected")) {
      String name = a.path("package").path("name").asString("");
      if (name.isEmpty()) {
        throw new CheckInputException(subject + ": affected[].package.name is missing");
      }
      // Our records name the component in ecosystem_specific; others only the Go module.
      String component = a.path("ecosystem_specific").path("component").asString("");
      ranges.addAll(
          ranges(
              component.isBlank() ? Components.canonical(name) : Components.canonical(component),
              name.contains("/") ? name : null,
              a.path("ranges"),
              subject));
    }
    JsonNode db = root.path("database_specific");
    String vector = vector(root);
    Severity severity = severity(db.path("severity").asString(""));
    Double score = db.path("cvss_score").isNumber() ? db.path("cvss_score").asDouble() : null;
    if (severity == null && vector != null) {
      score = CvssScore.of(vector);
      severity = score == null ? null : Severity.ofScore(score);
    }
    return new Vulnerability(
        id,
        root.path("summary").asString(""),
        severity,
        score,
        db.path("status").asString("unknown"),
        link(root, id),
        ranges);
  }

  /** The items of a JSON Feed with the {@code _cvefeed} extension. */
  static List<Vulnerability> feed(JsonNode root, String subject) throws CheckInputException {
    List<Vulnerability> out = new ArrayList<>();
    boolean extended = false;
    for (JsonNode item : root.path("items")) {
      JsonNode ext = item.path("_cvefeed");
      extended |= ext.isObject();
      List<AffectedRange> ranges = new ArrayList<>();
      for (JsonNode a : ext.path("affected")) {
        String module = a.path("package").asString("");
        ranges.addAll(
            ranges(
                a.path("component").asString(""),
                module.isEmpty() ? null : module,
                a.path("ranges"),
                subject));
      }
      String id = item.path("id").asString("");
      out.add(
          new Vulnerability(
              id,
              item.path("summary").asString(""),
              severity(ext.path("severity").asString("")),
              ext.path("cvss_score").isNumber() ? ext.path("cvss_score").asDouble() : null,
              item.path("status").asString("unknown"),
              item.path("url").asString("https://www.cve.org/cverecord?id=" + id),
              ranges));
    }
    if (!extended && !out.isEmpty()) {
      throw new CheckInputException(
          subject
              + ": this JSON Feed carries no version ranges (no _cvefeed extension);"
              + " point --feed at the published osv/ directory or osv/all.zip instead");
    }
    return out;
  }

  private static List<AffectedRange> ranges(
      String component, @Nullable String module, JsonNode ranges, String subject)
      throws CheckInputException {
    List<AffectedRange> out = new ArrayList<>();
    for (JsonNode r : ranges) {
      String type = r.path("type").asString("");
      if (!type.equals("SEMVER") && !type.equals("ECOSYSTEM")) {
        continue;
      }
      List<RangeEvent> events = new ArrayList<>();
      for (JsonNode e : r.path("events")) {
        events.add(event(e, component, subject));
      }
      out.add(new AffectedRange(component, module, events));
    }
    return out;
  }

  private static RangeEvent event(JsonNode e, String component, String subject)
      throws CheckInputException {
    for (RangeEvent.Kind kind : RangeEvent.Kind.values()) {
      JsonNode v = e.get(kind.osvName());
      if (v != null && v.isString()) {
        return new RangeEvent(kind, v.asString().strip().replaceFirst("^[vV](?=\\d)", ""));
      }
    }
    throw new CheckInputException(
        subject + ": " + component + ": range event " + e + " has no introduced or fixed version");
  }

  private static @Nullable String vector(JsonNode root) {
    List<JsonNode> all = new ArrayList<>();
    root.path("severity").forEach(all::add);
    root.path("affected").forEach(a -> a.path("severity").forEach(all::add));
    for (JsonNode s : all) {
      if (s.path("type").asString("").startsWith("CVSS_V")) {
        return s.path("score").asString("");
      }
    }
    return null;
  }

  private static @Nullable Severity severity(String name) {
    try {
      return name.isEmpty() ? null : Severity.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The announcement issue when the record links one, else the CVE record. */
  private static String link(JsonNode root, String id) {
    for (JsonNode ref : root.path("references")) {
      String url = ref.path("url").asString("");
      if (url.startsWith("https://github.com/kubernetes/kubernetes/issues/")) {
        return url;
      }
    }
    for (JsonNode ref : root.path("references")) {
      if (ref.path("type").asString("").equals("ADVISORY")) {
        return ref.path("url").asString("");
      }
    }
    return "https://www.cve.org/cverecord?id=" + id;
  }
}
