package io.k8s.cvefeed.cverecord;

import io.k8s.cvefeed.extract.Diagnostic;
import io.k8s.cvefeed.extract.Extractor;
import io.k8s.cvefeed.extract.RealAnnouncements;
import io.k8s.cvefeed.github.RawIssue;
import io.k8s.cvefeed.model.Advisory;
import io.k8s.cvefeed.model.CveId;
import io.k8s.cvefeed.model.RangeEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes {@code docs/cve-records-diff.md}: every real announcement against its CNA record, as
 * {@code --cve-records check} reports it, and what {@code fill} adds.
 *
 * <p>Run: {@code ./mvnw -B -q test -Dtest=CveRecordsDiffTest -Dcve.records.update=true}.
 */
final class CveRecordsDiff {
  private CveRecordsDiff() {}

  /** Per CVE id: the announcement alone, the filled advisory, the diagnostics. */
  record Row(
      String id,
      Advisory alone,
      Advisory filled,
      List<Diagnostic> diagnostics,
      boolean hasRecord) {}

  static List<Row> rows(Path data) throws Exception {
    Map<String, Lookup> lookups = new TreeMap<>();
    List<Advisory> advisories = new ArrayList<>();
    Extractor extractor = new Extractor();
    for (RawIssue issue : RealAnnouncements.issues()) {
      Advisory a = extractor.extract(issue).advisory();
      if (a != null) {
        advisories.add(a);
        for (CveId id : a.ids()) {
          Path f = data.resolve("cve-records").resolve(id.value() + ".json");
          if (Files.isRegularFile(f)) {
            byte[] body = Files.readAllBytes(f);
            lookups.put(
                id.value(), new Lookup.Found(RecordParser.parse(id.value(), body), null, ""));
          }
        }
      }
    }
    Map<String, Row> rows = new TreeMap<>((x, y) -> CveId.of(x).compareTo(CveId.of(y)));
    for (Advisory a : advisories) {
      for (CveId id : a.ids()) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        Advisory one = a.withIds(List.of(id));
        Advisory filled = RecordStep.apply(one, lookups, RecordMode.CHECK, diagnostics);
        rows.put(
            id.value(),
            new Row(id.value(), one, filled, diagnostics, lookups.containsKey(id.value())));
      }
    }
    return List.copyOf(rows.values());
  }

  static boolean fixed(Advisory a) {
    return a.affected().stream()
        .flatMap(r -> r.events().stream())
        .anyMatch(e -> e.kind() == RangeEvent.Kind.FIXED);
  }

  static String render(Path data) throws Exception {
    List<Row> rows = rows(data);
    Map<String, Integer> kinds = new TreeMap<>();
    int[] n = new int[6];
    for (Row r : rows) {
      n[0] += fixed(r.alone()) ? 1 : 0;
      n[1] += r.alone().cvss() != null ? 1 : 0;
      n[2] += fixed(r.filled()) ? 1 : 0;
      n[3] += r.filled().cvss() != null ? 1 : 0;
      n[4] += r.alone().affected().isEmpty() ? 0 : 1;
      n[5] += r.filled().affected().isEmpty() ? 0 : 1;
      for (Diagnostic d : r.diagnostics()) {
        kinds.merge(d.kind(), 1, Integer::sum);
      }
    }
    StringBuilder doc = new StringBuilder(HEADER);
    doc.append("| | CVEs |\n|---|---:|\n");
    row(doc, "CVEs in the real announcements", rows.size());
    row(
        doc,
        "without a record file in shared/data/cve-records (not compared)",
        (int) rows.stream().filter(r -> !r.hasRecord()).count());
    row(doc, "with any range, announcement alone", n[4]);
    row(doc, "with any range, records filled in", n[5]);
    row(doc, "with a fixed version, announcement alone", n[0]);
    row(doc, "with a fixed version, records filled in", n[2]);
    row(doc, "with a CVSS vector, announcement alone", n[1]);
    row(doc, "with a CVSS vector, records filled in", n[3]);
    doc.append("\n| diagnostic (`--cve-records check`) | count |\n|---|---:|\n");
    kinds.forEach((k, v) -> row(doc, "`" + k + "`", v));
    for (Row r : rows) {
      doc.append("\n## ").append(r.id()).append("\n\n");
      doc.append("Issue #")
          .append(r.alone().issueNumber())
          .append(", details from `")
          .append(r.alone().detailSource().wireName())
          .append("`.");
      if (r.filled().provenance() != null) {
        doc.append(" Filled from the record:");
        if (r.filled().provenance().cvss() == io.k8s.cvefeed.model.DetailSource.CVE_RECORD) {
          doc.append(" CVSS");
        }
        if (r.filled().provenance().affected() == io.k8s.cvefeed.model.DetailSource.CVE_RECORD) {
          doc.append(" ranges (").append(CrossCheck.describe(r.filled().affected())).append(')');
        }
        doc.append('.');
      }
      doc.append("\n\n");
      if (!r.hasRecord()) {
        doc.append("- No record in `../shared/data/cve-records/`: not compared.\n");
      } else if (r.diagnostics().isEmpty()) {
        doc.append("- Agrees.\n");
      }
      for (Diagnostic d : r.diagnostics()) {
        doc.append("- `").append(d.kind()).append("`: ").append(d.message()).append('\n');
      }
    }
    return doc.toString();
  }

  private static void row(StringBuilder doc, String label, int value) {
    doc.append("| ").append(label).append(" | ").append(value).append(" |\n");
  }

  private static final String HEADER =
      """
      # The announcements compared with the CNA's CVE records

      Generated by `CveRecordsDiff` (test scope); do not edit by hand. Regenerate with
      `./mvnw -B -q test -Dtest=CveRecordsDiffTest -Dcve.records.update=true`.
      `CveRecordsDiffTest` fails when this file is stale.

      For every CVE of `../shared/data/k8s-issues/issues.json` (placeholders read with their later
      feed text), what `Extractor` reads from the announcement is compared with the record in
      `../shared/data/cve-records/` exactly as `cvefeed refresh --cve-records check` compares them
      (see [format.md](format.md#8-cve-records)), and the "records filled in" counts are what
      `--cve-records fill` (the default) publishes. CVEs without a record file there (held out,
      or assigned by another CNA) are listed but not compared.

      """;
}
