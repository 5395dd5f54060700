package io.k8s.cvefeed.extract;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import us.springett.cvss.Cvss;

/**
 * Reads OSV files as trivy-db's OSV source does for its {@code k8svulndb} source ("Official
 * Kubernetes CVE Feed"): every {@code .json} file of the tree is decoded into trivy-db's {@code
 * osv.Entry} (a type mismatch fails the whole database build); {@code affected[]} entries whose
 * ecosystem is {@code kubernetes} (case-insensitively) become one advisory per CVE id and package
 * name; range events become vulnerable versions ({@code >=1.2.0, <1.2.5}, {@code <=1.2.4}) and
 * patched versions; a {@code CVSS_V3} severity that does not start with {@code CVSS:3.0} or {@code
 * CVSS:3.1}, or does not parse, fails the whole build. Written from trivy-db's {@code
 * pkg/vulnsrc/osv} (osv.go, range.go, types.go), not copied.
 */
final class TrivyOsvSource {
  /** One advisory as trivy-db stores it (bucket {@code k8s::Official Kubernetes CVE Feed}). */
  record Advisory(
      String vulnerabilityId,
      String pkgName,
      List<String> vulnerableVersions,
      List<String> patchedVersions,
      String cvssVectorV3) {}

  /** What makes trivy-db's build fail; the message names the file. */
  static final class BuildFailure extends Exception {
    private static final long serialVersionUID = 1L;

    BuildFailure(String message) {
      super(message);
    }
  }

  /** A version trivy's generic comparer ({@code aquasecurity/go-version}) accepts. */
  private static final Pattern VERSION =
      Pattern.compile("v?\\d+(?:\\.\\d+)*(?:-[0-9A-Za-z.-]+)?(?:\\+[0-9A-Za-z.-]+)?");

  private TrivyOsvSource() {}

  /** The advisories of one decoded file; none for a file that is not an OSV record. */
  static List<Advisory> entry(String path, JsonNode root) throws BuildFailure {
    Decode.entry(path, root);
    JsonNode withdrawn = root.path("withdrawn");
    if (withdrawn.isString() && Instant.parse(withdrawn.asString()).isBefore(Instant.now())) {
      return List.of();
    }
    List<String> ids = new ArrayList<>();
    root.path("aliases").forEach(a -> addCve(ids, a.asString()));
    addCve(ids, root.path("id").asString(""));
    if (ids.isEmpty()) {
      ids.add(root.path("id").asString(""));
    }
    String vector = cvssV3(path, root.path("severity"));
    Map<String, Advisory> unique = new LinkedHashMap<>();
    for (JsonNode affected : root.path("affected")) {
      String ecosystem = affected.path("package").path("ecosystem").asString("");
      if (!ecosystem.toLowerCase(Locale.ROOT).equals("kubernetes")) {
        continue; // no bucket: trivy skips it
      }
      String name = affected.path("package").path("name").asString("");
      List<String> vulnerable = new ArrayList<>();
      List<String> patched = new ArrayList<>();
      versions(path, name, affected.path("ranges"), vulnerable, patched);
      String own = cvssV3(path, affected.path("severity"));
      String v = own.isEmpty() ? vector : own;
      for (String id : ids) {
        Advisory old = unique.get(id + " " + name);
        if (old != null) {
          vulnerable.addAll(0, old.vulnerableVersions());
          patched.addAll(0, old.patchedVersions());
        }
        unique.put(
            id + " " + name,
            new Advisory(id, name, List.copyOf(vulnerable), List.copyOf(patched), v));
      }
    }
    return List.copyOf(unique.values());
  }

  private static void addCve(List<String> ids, String id) {
    if (id.startsWith("CVE-") && !ids.contains(id)) {
      ids.add(id);
    }
  }

  /** parseAffectedVersions: each {@code introduced} opens a range, the next end closes it. */
  private static void versions(
      String path, String name, JsonNode ranges, List<String> vulnerable, List<String> patched)
      throws BuildFailure {
    List<String[]> open = new ArrayList<>(); // {from, to, "<" or "<="}
    for (JsonNode range : ranges) {
      if (range.path("type").asString("").equals("GIT")) {
        continue;
      }
      for (JsonNode e : range.path("events")) {
        String introduced = e.path("introduced").asString("");
        String fixed = e.path("fixed").asString("");
        String last = e.path("last_affected").asString("");
        if (!introduced.isEmpty()) {
          open.add(new String[] {introduced, "", ""});
        } else if (!fixed.isEmpty() || !last.isEmpty()) {
          if (open.isEmpty()) {
            throw new BuildFailure(path + ": " + name + ": index out of range (end before start)");
          }
          String[] r = open.get(open.size() - 1);
          r[1] = fixed.isEmpty() ? last : fixed;
          r[2] = fixed.isEmpty() ? "<=" : "<";
          if (!fixed.isEmpty()) {
            patched.add(fixed);
          }
        }
      }
    }
    for (String[] r : open) {
      for (String v : r[1].isEmpty() ? List.of(r[0]) : List.of(r[0], r[1])) {
        if (!v.equals("0") && !VERSION.matcher(v).matches()) {
          throw new BuildFailure(path + ": " + name + ": version " + v + " cannot be compared");
        }
      }
      vulnerable.add(constraint(r[0], r[1], r[2]));
    }
  }

  /** versionRange.String() in trivy-db's range.go. */
  static String constraint(String from, String to, String op) {
    if (op.equals("<=") && from.equals(to)) {
      return "=" + from;
    }
    if (to.isEmpty()) {
      return ">=" + from;
    }
    return from.equals("0") ? op + to : ">=" + from + ", " + op + to;
  }

  /** parseSeverity: the first CVSS_V3 entry, which must be a 3.0 or 3.1 vector. */
  private static String cvssV3(String path, JsonNode severities) throws BuildFailure {
    for (JsonNode s : severities) {
      String score = s.path("score").asString("");
      if (!s.path("type").asString("").equals("CVSS_V3") || score.isEmpty()) {
        continue;
      }
      String vector = score.endsWith("/") ? score.substring(0, score.length() - 1) : score;
      if (!vector.startsWith("CVSS:3.0") && !vector.startsWith("CVSS:3.1")) {
        throw new BuildFailure(
            path + ": vector does not have CVSS v3 prefix: \"CVSS:3.0\" or \"CVSS:3.1\": " + score);
      }
      Cvss parsed;
      try {
        parsed = Cvss.fromVector(vector);
      } catch (RuntimeException e) {
        parsed = null;
      }
      if (parsed == null) {
        throw new BuildFailure(path + ": failed to parse CVSSv3 vector " + vector);
      }
      return vector;
    }
    return "";
  }

  /** Go's {@code json.Unmarshal} into {@code osv.Entry}: unknown fields pass, wrong types fail. */
  private static final class Decode {
    private Decode() {}

    static void entry(String path, JsonNode root) throws BuildFailure {
      object(path, "", root);
      for (String f : List.of("schema_version", "id", "summary", "details")) {
        string(path, f, root.path(f));
      }
      for (String f : List.of("modified", "published", "withdrawn")) {
        time(path, f, root.path(f));
      }
      strings(path, "aliases", root.path("aliases"));
      for (JsonNode a : array(path, "affected", root.path("affected"))) {
        object(path, "affected[]", a);
        object(path, "affected[].package", a.path("package"));
        string(path, "affected[].package.name", a.path("package").path("name"));
        string(path, "affected[].package.ecosystem", a.path("package").path("ecosystem"));
        for (JsonNode r : array(path, "affected[].ranges", a.path("ranges"))) {
          string(path, "affected[].ranges[].type", r.path("type"));
          for (JsonNode e : array(path, "affected[].ranges[].events", r.path("events"))) {
            for (String k : List.of("introduced", "fixed", "last_affected")) {
              string(path, "events[]." + k, e.path(k));
            }
          }
        }
        object(path, "affected[].ecosystem_specific", a.path("ecosystem_specific"));
        array(path, "ecosystem_specific.imports", a.path("ecosystem_specific").path("imports"));
      }
      for (JsonNode r : array(path, "references", root.path("references"))) {
        string(path, "references[].type", r.path("type"));
        string(path, "references[].url", r.path("url"));
      }
      for (JsonNode s : array(path, "severity", root.path("severity"))) {
        string(path, "severity[].type", s.path("type"));
        string(path, "severity[].score", s.path("score"));
      }
      object(path, "database_specific", root.path("database_specific"));
      string(path, "database_specific.url", root.path("database_specific").path("url"));
    }

    private static boolean absent(JsonNode n) {
      return n.isMissingNode() || n.isNull();
    }

    private static void object(String path, String field, JsonNode n) throws BuildFailure {
      if (!absent(n) && !n.isObject()) {
        throw fail(path, field, n, "object");
      }
    }

    private static void string(String path, String field, JsonNode n) throws BuildFailure {
      if (!absent(n) && !n.isString()) {
        throw fail(path, field, n, "string");
      }
    }

    private static void strings(String path, String field, JsonNode n) throws BuildFailure {
      for (JsonNode s : array(path, field, n)) {
        string(path, field + "[]", s);
      }
    }

    private static Iterable<JsonNode> array(String path, String field, JsonNode n)
        throws BuildFailure {
      if (!absent(n) && !n.isArray()) {
        throw fail(path, field, n, "array");
      }
      return absent(n) ? List.of() : n;
    }

    private static void time(String path, String field, JsonNode n) throws BuildFailure {
      if (absent(n)) {
        return;
      }
      try {
        Instant.parse(n.asString(""));
      } catch (DateTimeParseException e) {
        throw fail(path, field, n, "RFC 3339 time");
      }
    }

    private static BuildFailure fail(String path, String field, JsonNode n, String expected) {
      return new BuildFailure(
          path + ": json decode error: " + field + " is " + n.getNodeType() + ", not " + expected);
    }
  }
}
