package io.k8s.cvefeed.check;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The outcome of a check, as a table or as JSON.
 *
 * @param targets what was checked
 * @param findings what applies or cannot be told, sorted most severe first
 * @param problems ranges that could not be evaluated
 */
public record CheckReport(List<Target> targets, List<Finding> findings, List<String> problems) {
  static final List<String> HEADER =
      List.of("CVE", "SEVERITY", "COMPONENT", "RUNNING", "FIXED IN", "STATUS", "LINK");
  static final String UNKNOWN_HEADING = "cannot tell: no fixed version published";
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  public CheckReport {
    targets = List.copyOf(targets);
    findings = List.copyOf(findings);
    problems = List.copyOf(problems);
  }

  /** Whether a CVE applies (a finding that is not {@link Finding#unknown()}). */
  public boolean affected() {
    return !applies().isEmpty();
  }

  /** The findings that apply. */
  public List<Finding> applies() {
    return findings.stream().filter(f -> !f.unknown()).toList();
  }

  /** The findings {@code check} cannot tell about: no fixed version published. */
  public List<Finding> unknown() {
    return findings.stream().filter(Finding::unknown).toList();
  }

  /** One line per normalised version, e.g. {@code kubelet v1.29.4+k3s1: distribution suffix…}. */
  public List<String> notes() {
    List<String> notes = new ArrayList<>();
    for (Target t : targets) {
      if (t.version().note() != null) {
        notes.add(
            t.version().raw() + " (" + String.join(", ", t.sources()) + "): " + t.version().note());
      }
    }
    return notes;
  }

  /** Aligned columns, header first; empty when nothing applies. */
  public List<String> table() {
    return table(applies());
  }

  /**
   * The "cannot tell: no fixed version published" group: a heading, then aligned columns; empty
   * when there is none.
   */
  public List<String> unknownTable() {
    List<String> lines = new ArrayList<>(table(unknown()));
    if (!lines.isEmpty()) {
      lines.add(0, UNKNOWN_HEADING);
    }
    return lines;
  }

  private static List<String> table(List<Finding> findings) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(HEADER);
    for (Finding f : findings) {
      rows.add(
          List.of(
              f.vulnerability().id(),
              f.severity() == null ? "unknown" : f.severity().name(),
              f.component(),
              f.running().raw(),
              fixedIn(f),
              f.vulnerability().status(),
              f.vulnerability().url()));
    }
    int[] width = new int[HEADER.size()];
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        width[i] = Math.max(width[i], row.get(i).length());
      }
    }
    List<String> lines = new ArrayList<>();
    for (List<String> row : rows) {
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        s.append(i == row.size() - 1 ? row.get(i) : pad(row.get(i), width[i] + 2));
      }
      lines.add(s.toString().stripTrailing());
    }
    return findings.isEmpty() ? List.of() : lines;
  }

  static String fixedIn(Finding f) {
    if (f.fixedIn() != null) {
      return f.fixedIn();
    }
    return f.lastAffected() != null
        ? "none (last affected " + f.lastAffected() + ")"
        : "none listed";
  }

  public String json() {
    ObjectNode root = JSON.createObjectNode();
    root.put("affected", affected());
    ArrayNode checked = root.putArray("checked");
    targets.forEach(t -> writeTarget(checked.addObject(), t));
    ArrayNode list = root.putArray("findings");
    applies().forEach(f -> writeFinding(list.addObject(), f));
    ArrayNode unknownList = root.putArray("unknown");
    unknown().forEach(f -> writeFinding(unknownList.addObject(), f));
    ArrayNode problemNodes = root.putArray("problems");
    problems.forEach(problemNodes::add);
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
  }

  private static void writeTarget(ObjectNode n, Target t) {
    ArrayNode components = n.putArray("components");
    t.components().stream().sorted().forEach(components::add);
    n.put("version", t.version().raw());
    n.put("checked_as", t.version().version().toString());
    put(n, "normalisation", t.version().note());
    ArrayNode sources = n.putArray("sources");
    t.sources().forEach(sources::add);
  }

  private static void writeFinding(ObjectNode n, Finding f) {
    Vulnerability v = f.vulnerability();
    n.put("id", v.id());
    n.put("summary", v.summary());
    put(n, "severity", f.severity() == null ? null : f.severity().name());
    if (v.score() != null) {
      n.put("score", v.score());
    }
    n.put("component", f.component());
    n.put("running", f.running().raw());
    n.put("checked_as", f.running().version().toString());
    put(n, "fixed_in", f.fixedIn());
    put(n, "last_affected", f.lastAffected());
    n.put("status", v.status());
    n.put("url", v.url());
    ArrayNode sources = n.putArray("sources");
    f.sources().forEach(sources::add);
  }

  private static String pad(String s, int width) {
    return s + " ".repeat(Math.max(0, width - s.length()));
  }

  private static void put(ObjectNode n, String field, @Nullable String value) {
    if (value != null) {
      n.put(field, value);
    }
  }
}
