package io.k8s.cvefeed.cverecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.k8s.cvefeed.model.RangeEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/cve-records-diff.md in step: fails when the committed file is not what {@link
 * CveRecordsDiff} generates; {@code -Dcve.records.update=true} rewrites it.
 */
class CveRecordsDiffTest {
  private static final Path DOC = Path.of("docs/cve-records-diff.md");

  @Test
  void shouldMatchCommittedDiff() throws Exception {
    Path data = RealRecords.dataDir();
    assumeTrue(Files.isDirectory(data.resolve("cve-records")), "shared data absent");
    String generated = CveRecordsDiff.render(data);
    if (Boolean.getBoolean("cve.records.update")) {
      Files.writeString(DOC, generated);
    }
    assertThat(DOC).as("docs/cve-records-diff.md; rerun with -Dcve.records.update=true").exists();
    assertThat(Files.readString(DOC))
        .as("docs/cve-records-diff.md is stale; rerun with -Dcve.records.update=true")
        .isEqualTo(generated);
  }

  @Test
  void shouldCarryEveryFixedVersionAndVectorTheRecordStates() throws Exception {
    Path data = RealRecords.dataDir();
    assumeTrue(Files.isDirectory(data.resolve("cve-records")), "shared data absent");
    for (CveRecordsDiff.Row r : CveRecordsDiff.rows(data)) {
      Path f = data.resolve("cve-records").resolve(r.id() + ".json");
      if (!Files.isRegularFile(f)) {
        continue;
      }
      CveRecord record = RecordParser.parse(r.id(), Files.readAllBytes(f));
      boolean recordFixed =
          RecordRanges.of(record).ranges().stream()
              .flatMap(x -> x.events().stream())
              .anyMatch(e -> e.kind() == RangeEvent.Kind.FIXED);
      if (recordFixed) {
        assertThat(CveRecordsDiff.fixed(r.filled())).as(r.id() + " fixed").isTrue();
      }
      if (record.cnaMetric() != null) {
        assertThat(r.filled().cvss()).as(r.id() + " cvss").isNotNull();
      }
    }
  }
}
