package io.k8s.cvefeed.cverecord;

import io.k8s.cvefeed.extract.Diagnostic;
import io.k8s.cvefeed.model.Advisory;
import io.k8s.cvefeed.model.CveId;
import io.k8s.cvefeed.refresh.AdvisoryCheck;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The refresh step over every advisory: looks up the CVE records, fills what each issue leaves out
 * and (in {@link RecordMode#CHECK}) reports each disagreement. Never leaves an advisory out and
 * never fails the refresh: without records the feed is what it would be without the source.
 */
public final class RecordStep implements AdvisoryCheck {
  private final CveRecords records;
  private final RecordMode mode;
  private volatile String lastDigest = CveRecords.digest(Map.of());

  public RecordStep(CveRecords records, RecordMode mode) {
    this.records = records;
    this.mode = mode;
  }

  @Override
  public List<Advisory> check(List<Advisory> advisories, List<Diagnostic> diagnostics)
      throws InterruptedException {
    if (mode == RecordMode.OFF || advisories.isEmpty()) {
      return advisories;
    }
    Map<String, Lookup> lookups = records.lookup(updatedById(advisories));
    lastDigest = CveRecords.digest(lookups);
    List<Advisory> out = new ArrayList<>(advisories.size());
    for (Advisory a : advisories) {
      out.add(apply(a, lookups, mode, diagnostics));
    }
    return out;
  }

  /** Each id of {@code advisories} with its issue's {@code updated_at}, for {@link CveRecords}. */
  public static Map<String, Instant> updatedById(List<Advisory> advisories) {
    Map<String, Instant> out = new LinkedHashMap<>();
    for (Advisory a : advisories) {
      for (CveId id : a.ids()) {
        out.merge(id.value(), a.updated(), (x, y) -> x.isAfter(y) ? x : y);
      }
    }
    return out;
  }

  /**
   * The records' part of a refresh's inputs at {@code now} ({@link CveRecords#fingerprint}): a
   * refresh whose issues are unchanged still runs in full when a record is due or changed.
   */
  public String fingerprint(Instant now) {
    return mode == RecordMode.OFF ? "" : records.fingerprint(now);
  }

  /** The digest of the records the last fill used (see {@link CveRecords#digest}). */
  public String lastDigest() {
    return lastDigest;
  }

  /** One advisory: its ids' warnings (and, in CHECK, disagreements), then the fill. */
  static Advisory apply(
      Advisory a, Map<String, Lookup> lookups, RecordMode mode, List<Diagnostic> diagnostics) {
    List<Lookup> mine = new ArrayList<>();
    for (CveId id : a.ids()) {
      Lookup l = lookups.get(id.value());
      if (l == null) {
        continue;
      }
      mine.add(l);
      String warning = l.warning();
      if (warning != null) {
        diagnostics.add(
            new Diagnostic(
                a.issueNumber(),
                CrossCheck.PREFIX + (l instanceof Lookup.Unavailable ? "unavailable" : "stale"),
                warning,
                false));
      }
      if (l instanceof Lookup.Found f) {
        for (String entry : RecordRanges.of(f.record()).unreadable()) {
          diagnostics.add(
              new Diagnostic(
                  a.issueNumber(),
                  CrossCheck.PREFIX + "unreadable-entry",
                  id.value() + " record: " + entry + "; the entry is left out, not guessed",
                  false));
        }
      }
      if (mode == RecordMode.CHECK) {
        for (CrossCheck.Disagreement d : CrossCheck.of(id.value(), a, l)) {
          diagnostics.add(
              new Diagnostic(a.issueNumber(), CrossCheck.PREFIX + d.kind(), d.message(), false));
        }
      }
    }
    CveRecord record = Filler.first(mine);
    return record == null ? a : Filler.fill(a, record, RecordRanges.of(record));
  }
}
