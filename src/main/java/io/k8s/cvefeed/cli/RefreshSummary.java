package io.k8s.cvefeed.cli;

import io.k8s.cvefeed.extract.Diagnostic;
import io.k8s.cvefeed.refresh.RefreshReport;
import io.k8s.cvefeed.refresh.TargetResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The one-line and JSON summaries of a refresh. */
final class RefreshSummary {
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private RefreshSummary() {}

  /** {@code published}, {@code repaired}, {@code unchanged} or {@code failed}. */
  static String outcome(RefreshReport r) {
    if (r.anyFailed()) {
      return "failed";
    }
    if (r.anyPublished()) {
      return "published";
    }
    boolean repaired =
        r.targets().stream().anyMatch(t -> t.outcome() == TargetResult.Outcome.REPAIRED);
    return repaired ? "repaired" : "unchanged";
  }

  /** E.g. {@code refresh published: 2 pages (1 not modified), 74 items, 2 skipped, 0.84 s; …}. */
  static String line(RefreshReport r) {
    List<String> targets = new ArrayList<>();
    for (TargetResult t : r.targets()) {
      targets.add(
          switch (t.outcome()) {
            case PUBLISHED, REPAIRED ->
                t.outcome().wireName()
                    + " "
                    + t.target()
                    + " ("
                    + t.written()
                    + " written, "
                    + t.removed()
                    + " removed)"
                    + repairs(t);
            case UNCHANGED -> "unchanged " + t.target();
            case REFUSED -> "refused " + t.target();
            case FAILED -> "failed " + t.target();
          });
    }
    return String.format(
        Locale.ROOT,
        "refresh %s: %d pages (%d not modified), %d requests, %d issues, %d items, %d skipped,"
            + " %.2f s; %s",
        outcome(r),
        r.pages(),
        r.notModified(),
        r.requests(),
        r.issues(),
        r.items(),
        r.skipped(),
        r.elapsed().toMillis() / 1000.0,
        String.join("; ", targets));
  }

  /** {@code ": was osv/X.json: missing, …"}, at most three problems named, or "". */
  private static String repairs(TargetResult t) {
    List<String> r = t.repairs();
    if (r.isEmpty()) {
      return "";
    }
    String named = String.join(", ", r.subList(0, Math.min(3, r.size())));
    return " after finding " + named + (r.size() > 3 ? " and " + (r.size() - 3) + " more" : "");
  }

  /** One line per target that failed or refused, and which targets were published. */
  static List<String> errors(RefreshReport r) {
    List<String> lines = new ArrayList<>();
    for (TargetResult t : r.targets()) {
      if (t.error() != null) {
        lines.add(t.error());
      }
    }
    if (!lines.isEmpty() && r.targets().size() > 1) {
      List<String> ok = new ArrayList<>();
      for (TargetResult t : r.targets()) {
        if (t.outcome() == TargetResult.Outcome.PUBLISHED
            || t.outcome() == TargetResult.Outcome.REPAIRED
            || t.outcome() == TargetResult.Outcome.UNCHANGED) {
          ok.add(t.target() + " (" + t.outcome().wireName() + ")");
        }
      }
      lines.add("up to date: " + (ok.isEmpty() ? "none" : String.join(", ", ok)));
    }
    return lines;
  }

  static String json(RefreshReport r) {
    ObjectNode root = JSON.createObjectNode();
    root.put("outcome", outcome(r));
    root.put("pages", r.pages());
    root.put("not_modified", r.notModified());
    root.put("requests", r.requests());
    if (r.rateLimitRemaining() != null) {
      root.put("rate_limit_remaining", r.rateLimitRemaining());
    }
    root.put("issues", r.issues());
    root.put("items", r.items());
    root.put("skipped", r.skipped());
    root.put("digest", r.digest());
    root.put("elapsed_ms", r.elapsed().toMillis());
    ObjectNode phases = root.putObject("phases_ms");
    phases.put("fetch", r.phases().fetch().toMillis());
    phases.put("extract", r.phases().extract().toMillis());
    phases.put("render", r.phases().render().toMillis());
    phases.put("publish", r.phases().publish().toMillis());
    root.put("finished_at", r.finishedAt().toString());
    ArrayNode targets = root.putArray("targets");
    for (TargetResult t : r.targets()) {
      ObjectNode n = targets.addObject();
      n.put("target", t.target());
      n.put("outcome", t.outcome().wireName());
      n.put("written", t.written());
      n.put("removed", t.removed());
      if (t.error() != null) {
        n.put("error", t.error());
      }
      if (!t.repairs().isEmpty()) {
        ArrayNode repairs = n.putArray("repairs");
        t.repairs().forEach(repairs::add);
      }
    }
    ArrayNode diags = root.putArray("diagnostics");
    for (Diagnostic d : r.diagnostics()) {
      ObjectNode n = diags.addObject();
      n.put("issue", d.issueNumber());
      n.put("kind", d.kind());
      n.put("message", d.message());
      n.put("skips_issue", d.skipsIssue());
    }
    return JSON.writeValueAsString(root);
  }

  static String failureJson(String error) {
    ObjectNode root = JSON.createObjectNode();
    root.put("outcome", "failed");
    root.put("error", error);
    return JSON.writeValueAsString(root);
  }
}
