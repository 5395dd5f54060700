package io.k8s.cvefeed.extract;

import io.k8s.cvefeed.model.AffectedRange;
import io.k8s.cvefeed.model.CveId;
import io.k8s.cvefeed.model.Cvss;
import io.k8s.cvefeed.model.DetailSource;
import io.k8s.cvefeed.model.RangeEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Path 1: the fenced {@code json osv} block (usually inside a folded {@code <details>} section)
 * holding a full OSV record. Ranges come from {@code affected[].package.name} and {@code
 * affected[].ranges[].events}; severity from the first CVSS vector in {@code severity[]} (top
 * level, else per package). A block that is not JSON or lacks that shape gives an {@code
 * osv.invalid} diagnostic and the caller falls back to the announcement layout.
 */
final class OsvBlockReader {
  private static final Pattern FENCE =
      Pattern.compile("(?ms)^[ \\t]*(`{3,})[ \\t]*json[ \\t]+osv[ \\t]*$(.*?)^[ \\t]*\\1[ \\t]*$");
  private static final Pattern V_PREFIX = Pattern.compile("^[vV](?=\\d)");
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  /** Why a block was rejected. */
  private static final class ShapeException extends Exception {
    private static final long serialVersionUID = 1L;

    ShapeException(String message) {
      super(message);
    }
  }

  private OsvBlockReader() {}

  /** The body without its {@code json osv} block, for the announcement-layout fallback. */
  static String withoutBlock(String body) {
    return mayHaveBlock(body) ? FENCE.matcher(body).replaceAll("") : body;
  }

  /** A cheap test before the fence regex: every block's info string says {@code osv}. */
  private static boolean mayHaveBlock(String body) {
    return body.contains("osv");
  }

  static Optional<Details> read(String body, List<CveId> ids, DiagnosticLog log) {
    if (!mayHaveBlock(body)) {
      return Optional.empty();
    }
    Matcher m = FENCE.matcher(body);
    if (!m.find()) {
      return Optional.empty();
    }
    try {
      JsonNode root = JSON.readTree(m.group(2));
      if (root == null || !root.isObject()) {
        throw new ShapeException("the block is not a JSON object");
      }
      checkId(root, ids, log);
      List<AffectedRange> ranges = new ArrayList<>();
      for (JsonNode affected : array(root, "affected")) {
        ranges.addAll(ranges(affected, log));
      }
      return Optional.of(new Details(severity(root, log), ranges, DetailSource.OSV_BLOCK));
    } catch (JacksonException e) {
      log.add(
          "osv.invalid",
          "the json osv block is not valid JSON: "
              + e.getOriginalMessage()
              + "; using the announcement text instead");
    } catch (ShapeException e) {
      log.add(
          "osv.invalid",
          "the json osv block is not an OSV record: "
              + e.getMessage()
              + "; using the announcement text instead");
    }
    return Optional.empty();
  }

  private static List<AffectedRange> ranges(JsonNode affected, DiagnosticLog log)
      throws ShapeException {
    JsonNode name = affected.path("package").path("name");
    if (!name.isString() || name.asString().isBlank()) {
      throw new ShapeException("affected[].package.name is missing");
    }
    JsonNode named = affected.path("ecosystem_specific").path("component");
    String component =
        named.isString() && !named.asString().isBlank()
            ? Components.canonical(named.asString())
            : Components.canonical(name.asString());
    // A Go module path is kept as written; a component name gets its module from the table.
    String module =
        name.asString().contains("/")
            ? name.asString().strip()
            : Components.module(component).orElse(null);
    List<AffectedRange> out = new ArrayList<>();
    for (JsonNode range : array(affected, "ranges")) {
      String type = range.path("type").asString("");
      if (type.equals("GIT")) {
        log.add(
            "osv.unsupported",
            name.asString() + ": GIT range skipped; only version ranges are read");
        continue;
      }
      List<RangeEvent> events = new ArrayList<>();
      for (JsonNode event : array(range, "events")) {
        events.add(event(event));
      }
      if (events.isEmpty()) {
        throw new ShapeException(name.asString() + ": a range has no events");
      }
      out.add(new AffectedRange(component, module, events));
    }
    return out;
  }

  private static RangeEvent event(JsonNode event) throws ShapeException {
    for (RangeEvent.Kind kind : RangeEvent.Kind.values()) {
      JsonNode v = event.path(kind.osvName());
      if (v.isString() && !v.asString().isBlank()) {
        return new RangeEvent(kind, V_PREFIX.matcher(v.asString().strip()).replaceFirst(""));
      }
    }
    throw new ShapeException(
        "event " + event + " has no introduced, fixed or last_affected version");
  }

  private static @Nullable Cvss severity(JsonNode root, DiagnosticLog log) {
    List<JsonNode> severities = new ArrayList<>();
    root.path("severity").forEach(severities::add);
    root.path("affected").forEach(a -> a.path("severity").forEach(severities::add));
    for (JsonNode s : severities) {
      if (!s.path("type").asString("").startsWith("CVSS_V")) {
        continue;
      }
      String vector = s.path("score").asString("");
      CvssScorer.Result result = CvssScorer.score(vector);
      if (result instanceof CvssScorer.Result.Scored scored) {
        return scored.cvss();
      }
      log.add(
          "osv.invalid-severity",
          "severity \""
              + vector
              + "\" in the json osv block: "
              + ((CvssScorer.Result.Invalid) result).reason());
    }
    return null;
  }

  private static void checkId(JsonNode root, List<CveId> ids, DiagnosticLog log) {
    List<String> names = new ArrayList<>();
    names.add(root.path("id").asString(""));
    root.path("aliases").forEach(a -> names.add(a.asString("")));
    if (ids.stream().noneMatch(id -> names.contains(id.value()))) {
      log.add("osv.id-mismatch", "the json osv block is about " + names + ", not " + ids);
    }
  }

  private static Iterable<JsonNode> array(JsonNode parent, String field) throws ShapeException {
    JsonNode node = parent.path(field);
    if (!node.isArray() || node.isEmpty()) {
      throw new ShapeException("\"" + field + "\" must be a non-empty array");
    }
    return node;
  }
}
