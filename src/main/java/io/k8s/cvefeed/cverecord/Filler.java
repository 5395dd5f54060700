package io.k8s.cvefeed.cverecord;

import io.k8s.cvefeed.extract.SharedReadings;
import io.k8s.cvefeed.model.Advisory;
import io.k8s.cvefeed.model.AffectedRange;
import io.k8s.cvefeed.model.Cvss;
import io.k8s.cvefeed.model.DetailSource;
import io.k8s.cvefeed.model.Provenance;
import io.k8s.cvefeed.model.RangeEvent;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Fills what an announcement leaves out from its CVE record. Precedence: the issue's OSV block,
 * then the CVE record, then the announcement's text. The record's ranges replace the issue's when
 * the issue gives none, gives no fixed version where the record does, or gives only open-ended
 * ranges where the record's end; its CVSS vector is used when the issue states none.
 */
final class Filler {
  private Filler() {}

  static Advisory fill(Advisory a, CveRecord record, RecordRanges.Result ranges) {
    if (record.state() != CveRecord.State.PUBLISHED) {
      return a;
    }
    Cvss cvss = a.cvss();
    boolean cvssFilled = false;
    CveRecord.Metric metric = record.cnaMetric();
    if (cvss == null && metric != null) {
      try {
        cvss = SharedReadings.cvss(metric.vector());
        cvssFilled = true;
      } catch (IllegalArgumentException e) {
        // Not scorable: CrossCheck reports it; the feed goes without.
      }
    }
    List<AffectedRange> affected = a.affected();
    boolean rangesFilled = takesRanges(affected, ranges.ranges());
    if (rangesFilled) {
      affected = ranges.ranges();
    }
    if (!cvssFilled && !rangesFilled) {
      return a;
    }
    Provenance p =
        new Provenance(
            cvssFilled ? DetailSource.CVE_RECORD : (cvss == null ? null : a.detailSource()),
            rangesFilled ? DetailSource.CVE_RECORD : (affected.isEmpty() ? null : a.detailSource()),
            record.dateUpdated());
    return a.withFilled(cvss, affected, p);
  }

  /** Whether the record's ranges say more than the issue's. */
  static boolean takesRanges(List<AffectedRange> issue, List<AffectedRange> record) {
    if (record.isEmpty()) {
      return false;
    }
    if (issue.isEmpty()) {
      return true;
    }
    if (!has(issue, RangeEvent.Kind.FIXED) && has(record, RangeEvent.Kind.FIXED)) {
      return true;
    }
    return !bounded(issue) && bounded(record);
  }

  static boolean has(List<AffectedRange> ranges, RangeEvent.Kind kind) {
    return ranges.stream().flatMap(r -> r.events().stream()).anyMatch(e -> e.kind() == kind);
  }

  private static boolean bounded(List<AffectedRange> ranges) {
    return ranges.stream()
        .flatMap(r -> r.events().stream())
        .anyMatch(e -> e.kind() != RangeEvent.Kind.INTRODUCED);
  }

  /** The first id's record among those found, for an issue announcing several ids. */
  static @Nullable CveRecord first(List<Lookup> lookups) {
    for (Lookup l : lookups) {
      if (l instanceof Lookup.Found f) {
        return f.record();
      }
    }
    return null;
  }
}
