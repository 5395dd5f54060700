package io.k8s.cvefeed.cli;

import io.k8s.cvefeed.label.Candidate;
import io.k8s.cvefeed.label.LabelApplier;
import io.k8s.cvefeed.label.Reason;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Prints {@code cvefeed label} results as a table or JSON. */
final class LabelReport {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private LabelReport() {}

  /** One row per candidate: number, state, reasons, title. */
  static String table(List<Candidate> candidates) {
    if (candidates.isEmpty()) {
      return "No unlabelled CVE announcements found.\n";
    }
    StringBuilder out = new StringBuilder("ISSUE\tSTATE\tREASONS\tTITLE\n");
    for (Candidate c : candidates) {
      out.append('#')
          .append(c.number())
          .append('\t')
          .append(c.state())
          .append('\t')
          .append(LabelCommand.reasons(c))
          .append('\t')
          .append(c.title().replaceAll("\\s+", " ").strip())
          .append('\n');
    }
    return out.toString();
  }

  /** {@code {"repo", "candidates": [...], "results": [...]}}; results only after --apply. */
  static String json(
      String repo, List<Candidate> candidates, @Nullable List<LabelApplier.Result> results) {
    ObjectNode root = JSON.createObjectNode();
    root.put("repo", repo);
    ArrayNode list = root.putArray("candidates");
    for (Candidate c : candidates) {
      ObjectNode n = list.addObject();
      n.put("number", c.number());
      n.put("title", c.title());
      n.put("url", c.url());
      n.put("state", c.state());
      n.put("certainty", c.certainty());
      ArrayNode reasons = n.putArray("reasons");
      for (Reason r : c.reasons()) {
        reasons.add(r.name().toLowerCase(Locale.ROOT));
      }
    }
    if (results != null) {
      ArrayNode out = root.putArray("results");
      for (LabelApplier.Result r : results) {
        out.addObject().put("number", r.number()).put("ok", r.ok()).put("message", r.message());
      }
    }
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
  }
}
