package io.k8s.cvefeed.cverecord;

import io.k8s.cvefeed.extract.SharedReadings;
import io.k8s.cvefeed.model.Advisory;
import io.k8s.cvefeed.model.AffectedRange;
import io.k8s.cvefeed.model.Cvss;
import io.k8s.cvefeed.model.RangeEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Where an announcement (text or OSV block) and its CVE record disagree, each with both values.
 * Kinds, stable to count by: {@code cve-record.rejected}, {@code .no-record}, {@code .severity},
 * {@code .cvss}, {@code .cvss-only-in-record}, {@code .cvss-only-in-announcement}, {@code
 * .components}, {@code .fixed}, {@code .ranges-only-in-record}, {@code
 * .ranges-only-in-announcement}.
 */
final class CrossCheck {
  static final String PREFIX = "cve-record.";

  /** One disagreement. */
  record Disagreement(String kind, String message) {}

  private CrossCheck() {}

  static List<Disagreement> of(String id, Advisory a, Lookup lookup) {
    List<Disagreement> out = new ArrayList<>();
    if (lookup instanceof Lookup.Missing) {
      out.add(
          new Disagreement(
              "no-record",
              id
                  + ": the feed announces it, but cve.org has no published record (reserved or"
                  + " unpublished); ask the CNA to publish it"));
      return out;
    }
    if (!(lookup instanceof Lookup.Found found)) {
      return out;
    }
    CveRecord r = found.record();
    if (r.state() != CveRecord.State.PUBLISHED) {
      out.add(
          new Disagreement(
              r.state() == CveRecord.State.REJECTED ? "rejected" : "no-record",
              id
                  + ": the feed announces it, but its CVE record is "
                  + r.state()
                  + "; check the issue's title"));
      return out;
    }
    cvss(id, a.cvss(), r.cnaMetric(), out);
    ranges(id, a.affected(), RecordRanges.of(r).ranges(), out);
    return out;
  }

  private static void cvss(
      String id, @Nullable Cvss ours, CveRecord.@Nullable Metric theirs, List<Disagreement> out) {
    if (ours == null && theirs == null) {
      return;
    }
    if (ours == null && theirs != null) {
      out.add(
          new Disagreement(
              "cvss-only-in-record",
              id + ": the announcement states no CVSS vector; the record: " + theirs.vector()));
      return;
    }
    if (theirs == null || ours == null) {
      out.add(
          new Disagreement(
              "cvss-only-in-announcement",
              id
                  + ": the record states no CVSS vector; the announcement: "
                  + (ours == null ? "none" : ours.vector())));
      return;
    }
    String severity = severity(theirs);
    String both =
        "announcement "
            + ours.vector()
            + " ("
            + ours.severity()
            + "), record "
            + theirs.vector()
            + " ("
            + severity
            + ")";
    if (!ours.severity().name().equals(severity)) {
      out.add(new Disagreement("severity", id + ": severity differs: " + both));
    } else if (!ours.vector().equalsIgnoreCase(theirs.vector().strip())) {
      out.add(new Disagreement("cvss", id + ": CVSS vector differs: " + both));
    }
  }

  private static String severity(CveRecord.Metric m) {
    try {
      return SharedReadings.cvss(m.vector()).severity().name();
    } catch (IllegalArgumentException e) {
      String s = m.baseSeverity();
      return s == null ? "unscorable" : s;
    }
  }

  private static void ranges(
      String id, List<AffectedRange> ours, List<AffectedRange> theirs, List<Disagreement> out) {
    if (ours.isEmpty() && theirs.isEmpty()) {
      return;
    }
    if (ours.isEmpty() || theirs.isEmpty()) {
      boolean onlyRecord = ours.isEmpty();
      out.add(
          new Disagreement(
              onlyRecord ? "ranges-only-in-record" : "ranges-only-in-announcement",
              id
                  + ": only the "
                  + (onlyRecord ? "record" : "announcement")
                  + " states affected versions: "
                  + describe(onlyRecord ? theirs : ours)));
      return;
    }
    Set<String> ourNames = names(ours);
    Set<String> theirNames = names(theirs);
    if (!ourNames.equals(theirNames)) {
      out.add(
          new Disagreement(
              "components",
              id + ": components differ: announcement " + ourNames + ", record " + theirNames));
    }
    Set<String> ourFixed = fixed(ours);
    Set<String> theirFixed = fixed(theirs);
    if (!ourFixed.equals(theirFixed)) {
      out.add(
          new Disagreement(
              "fixed",
              id
                  + ": first unaffected versions differ: announcement "
                  + ourFixed
                  + ", record "
                  + theirFixed
                  + " (announcement "
                  + describe(ours)
                  + "; record "
                  + describe(theirs)
                  + ")"));
    }
  }

  private static Set<String> names(List<AffectedRange> ranges) {
    return ranges.stream()
        .map(AffectedRange::component)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /**
   * The first unaffected version of each range, for comparing: a {@code fixed} version as is, a
   * {@code last_affected X.Y.Z} as {@code X.Y.Z+1} (patch releases are consecutive), so "fixed in
   * 1.18.18" and "up to 1.18.17" agree. Sorted by version.
   */
  static Set<String> fixed(List<AffectedRange> ranges) {
    Set<Version> out = new TreeSet<>();
    for (AffectedRange r : ranges) {
      for (RangeEvent e : r.events()) {
        Version v = Version.parse(e.version());
        if (v == null || v.isLine()) {
          continue;
        }
        if (e.kind() == RangeEvent.Kind.FIXED) {
          out.add(v);
        } else if (e.kind() == RangeEvent.Kind.LAST_AFFECTED && v.pre() == null) {
          Integer patch = v.patch();
          out.add(new Version(v.major(), v.minor(), patch == null ? 1 : patch + 1, null));
        }
      }
    }
    Set<String> names = new java.util.LinkedHashSet<>();
    out.forEach(v -> names.add(v.toString()));
    return names;
  }

  /** {@code kubelet 0 fixed 1.25.16, 1.26.0 fixed 1.26.11}. */
  static String describe(List<AffectedRange> ranges) {
    List<String> parts = new ArrayList<>();
    for (AffectedRange r : ranges) {
      StringBuilder s = new StringBuilder(r.component());
      for (RangeEvent e : r.events()) {
        s.append(
            e.kind() == RangeEvent.Kind.INTRODUCED
                ? (s.length() > r.component().length() ? ", " : " ")
                : " " + e.kind().osvName() + " ");
        s.append(e.version());
      }
      parts.add(s.toString());
    }
    return String.join("; ", parts);
  }
}
