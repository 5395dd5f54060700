package io.k8s.cvefeed.extract;

import io.k8s.cvefeed.github.RawIssue;
import io.k8s.cvefeed.model.Advisory;
import io.k8s.cvefeed.model.AffectedRange;
import io.k8s.cvefeed.model.CveId;
import io.k8s.cvefeed.model.RangeEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes {@code docs/osv-legacy-diff.md}: for each CVE in shared/data/osv-legacy, where our
 * extracted ranges and severity agree with the legacy records and where they differ, and why.
 *
 * <p>Run: {@code ./mvnw -B -q test -Dtest=OsvLegacyDiffTest -Dosv.legacy.update=true}, or {@code
 * main(sharedDataDir, outputFile)}.
 */
final class OsvLegacyDiff {
  private OsvLegacyDiff() {}

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
    Path out = Path.of(args.length > 1 ? args[1] : "docs/osv-legacy-diff.md");
    Files.writeString(out, render(data));
  }

  /** The whole document for the data under {@code data}. */
  static String render(Path data) throws Exception {
    Map<String, Advisory> ours = ours();
    Map<String, JsonNode> legacy = legacy(data.resolve("osv-legacy"));
    StringBuilder doc = new StringBuilder(OsvLegacyNotes.HEADER);
    int[] counts = new int[6];
    StringBuilder rows = new StringBuilder();
    for (Map.Entry<String, JsonNode> e : legacy.entrySet()) {
      rows.append(section(e.getKey(), ours.get(e.getKey()), e.getValue(), counts));
    }
    doc.append("| | CVEs |\n|---|---|\n")
        .append("| legacy records | ")
        .append(legacy.size())
        .append(" |\n")
        .append("| severity agrees | ")
        .append(counts[0])
        .append(" |\n")
        .append("| ranges agree (after package-name mapping) | ")
        .append(counts[1])
        .append(" |\n")
        .append("| ranges differ | ")
        .append(counts[2])
        .append(" |\n")
        .append("| not in our corpus, or no ranges on one side | ")
        .append(counts[3])
        .append(" |\n")
        .append("| both name packages | ")
        .append(counts[4])
        .append(" |\n")
        .append("| package names (Go modules) agree | ")
        .append(counts[5])
        .append(" of ")
        .append(counts[4])
        .append(" |\n\n");
    return doc.append(rows).toString();
  }

  private static String section(String id, Advisory ours, JsonNode legacy, int[] counts) {
    StringBuilder s = new StringBuilder("## ").append(id).append("\n\n");
    if (ours == null) {
      counts[3]++;
      return s.append("Not in shared/data/k8s-issues; nothing to compare.\n\n").toString();
    }
    s.append("Issue #")
        .append(ours.issueNumber())
        .append(", our details from `")
        .append(ours.detailSource().wireName())
        .append("`.\n\n");
    String legacyVector = legacyVector(legacy);
    String ourVector = ours.cvss() == null ? "" : ours.cvss().vector();
    if (!legacyVector.isEmpty() && legacyVector.equalsIgnoreCase(ourVector)) {
      counts[0]++;
      s.append("- Severity: agrees (`")
          .append(ourVector)
          .append("`, ")
          .append(ours.cvss().score())
          .append(' ')
          .append(ours.cvss().severity().displayName())
          .append(").\n");
    } else {
      s.append("- Severity: ours `")
          .append(ourVector.isEmpty() ? "none" : ourVector)
          .append("`, legacy `")
          .append(legacyVector.isEmpty() ? "none" : legacyVector)
          .append("`.\n");
    }
    TreeSet<String> mine = intervals(ours.affected());
    TreeSet<String> theirs = legacyIntervals(legacy);
    if (mine.isEmpty() || theirs.isEmpty()) {
      counts[3]++;
    } else if (mine.equals(theirs)) {
      counts[1]++;
    } else {
      counts[2]++;
    }
    TreeSet<String> ourModules = modules(ours.affected());
    TreeSet<String> legacyModules = legacyPackages(legacy);
    if (!ourModules.isEmpty() && !legacyModules.isEmpty()) {
      counts[4]++;
    }
    if (!ourModules.isEmpty() && ourModules.equals(legacyModules)) {
      counts[5]++;
      s.append("- Packages: agree (").append(list(ourModules)).append(").\n");
    } else {
      s.append("- Packages: ours ")
          .append(list(ourModules))
          .append(", legacy ")
          .append(list(legacyModules))
          .append(".\n");
    }
    if (mine.equals(theirs) && !mine.isEmpty()) {
      s.append("- Ranges: agree: ").append(String.join(", ", mine)).append(".\n");
    } else {
      s.append("- Ranges only ours: ").append(list(minus(mine, theirs))).append(".\n");
      s.append("- Ranges only legacy: ").append(list(minus(theirs, mine))).append(".\n");
    }
    String why = OsvLegacyNotes.WHY.get(id);
    if (why != null) {
      s.append("- Why: ").append(why).append("\n");
    }
    return s.append('\n').toString();
  }

  private static Map<String, Advisory> ours() throws Exception {
    Extractor extractor = new Extractor();
    Map<String, Advisory> out = new TreeMap<>();
    for (RawIssue issue : RealAnnouncementsTest.bodies()) {
      Advisory a = extractor.extract(issue).advisory();
      if (a != null) {
        for (CveId id : a.ids()) {
          out.put(id.value(), a);
        }
      }
    }
    return out;
  }

  private static Map<String, JsonNode> legacy(Path dir) throws IOException {
    Map<String, JsonNode> out = new TreeMap<>((a, b) -> CveId.of(a).compareTo(CveId.of(b)));
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
        JsonNode n = JsonMapper.builder().build().readTree(Files.readString(f));
        out.put(n.path("id").asString(), n);
      }
    }
    return out;
  }

  private static String legacyVector(JsonNode legacy) {
    for (JsonNode a : legacy.path("affected")) {
      for (JsonNode s : a.path("severity")) {
        return s.path("score").asString("");
      }
    }
    for (JsonNode s : legacy.path("severity")) {
      return s.path("score").asString("");
    }
    return "";
  }

  /** Our ranges as {@code component [introduced, end)} strings, one per interval. */
  private static TreeSet<String> intervals(List<AffectedRange> ranges) {
    TreeSet<String> out = new TreeSet<>();
    for (AffectedRange r : ranges) {
      out.addAll(split(r.component(), r.events()));
    }
    return out;
  }

  private static TreeSet<String> legacyIntervals(JsonNode legacy) {
    TreeSet<String> out = new TreeSet<>();
    for (JsonNode a : legacy.path("affected")) {
      String name = a.path("package").path("name").asString();
      String component = Components.canonical(name);
      for (JsonNode r : a.path("ranges")) {
        List<RangeEvent> events = new ArrayList<>();
        for (JsonNode e : r.path("events")) {
          for (RangeEvent.Kind k : RangeEvent.Kind.values()) {
            if (e.has(k.osvName())) {
              events.add(new RangeEvent(k, e.path(k.osvName()).asString()));
            }
          }
        }
        out.addAll(split(component, events));
      }
    }
    return out;
  }

  /** Splits a flat event list into introduced..end intervals. */
  private static List<String> split(String component, List<RangeEvent> events) {
    List<String> out = new ArrayList<>();
    String start = null;
    for (RangeEvent e : events) {
      if (e.kind() == RangeEvent.Kind.INTRODUCED) {
        if (start != null) {
          out.add(component + " " + start + "..");
        }
        start = e.version();
      } else {
        String end = e.kind() == RangeEvent.Kind.FIXED ? " fixed " : " last_affected ";
        out.add(component + " " + (start == null ? "0" : start) + end + e.version());
        start = null;
      }
    }
    if (start != null) {
      out.add(component + " " + start + "..");
    }
    return out;
  }

  /** The Go modules our OSV record names (components without one are left out of it). */
  private static TreeSet<String> modules(List<AffectedRange> ranges) {
    TreeSet<String> c = new TreeSet<>();
    ranges.stream().map(AffectedRange::module).filter(m -> m != null).forEach(c::add);
    return c;
  }

  private static TreeSet<String> legacyPackages(JsonNode legacy) {
    TreeSet<String> c = new TreeSet<>();
    legacy.path("affected").forEach(a -> c.add(a.path("package").path("name").asString()));
    return c;
  }

  /** The CVEs both cover with package names, and those whose names agree, for the test. */
  static int[] packageAgreement(Path data) throws Exception {
    Map<String, Advisory> ours = ours();
    int[] out = new int[2];
    for (Map.Entry<String, JsonNode> e : legacy(data.resolve("osv-legacy")).entrySet()) {
      Advisory a = ours.get(e.getKey());
      TreeSet<String> mine = a == null ? new TreeSet<>() : modules(a.affected());
      TreeSet<String> theirs = legacyPackages(e.getValue());
      if (!mine.isEmpty() && !theirs.isEmpty()) {
        out[0]++;
        out[1] += mine.equals(theirs) ? 1 : 0;
      }
    }
    return out;
  }

  /** The CVEs where both name packages and the names differ. */
  static List<String> packageDisagreements(Path data) throws Exception {
    Map<String, Advisory> ours = ours();
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : legacy(data.resolve("osv-legacy")).entrySet()) {
      Advisory a = ours.get(e.getKey());
      TreeSet<String> mine = a == null ? new TreeSet<>() : modules(a.affected());
      TreeSet<String> theirs = legacyPackages(e.getValue());
      if (!mine.isEmpty() && !theirs.isEmpty() && !mine.equals(theirs)) {
        out.add(e.getKey());
      }
    }
    return out;
  }

  private static TreeSet<String> minus(TreeSet<String> a, TreeSet<String> b) {
    TreeSet<String> out = new TreeSet<>(a);
    out.removeAll(b);
    return out;
  }

  private static String list(TreeSet<String> s) {
    return s.isEmpty() ? "none" : "`" + String.join("`, `", s) + "`";
  }
}
