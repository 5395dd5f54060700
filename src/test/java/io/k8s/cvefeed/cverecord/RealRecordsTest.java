package io.k8s.cvefeed.cverecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.k8s.cvefeed.model.AffectedRange;
import io.k8s.cvefeed.model.RangeEvent;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every real record of shared/data/cve-records parses, and its ranges read as documented. */
class RealRecordsTest {
  private Map<String, byte[]> bodies = Map.of();

  @BeforeEach
  void load() throws Exception {
    assumeTrue(Files.isDirectory(RealRecords.dir()), "shared data absent");
    bodies = RealRecords.bodies();
  }

  @Test
  void shouldParseEveryRealRecord() throws Exception {
    List<String> states = new ArrayList<>();
    for (Map.Entry<String, byte[]> e : bodies.entrySet()) {
      CveRecord r = RecordParser.parse(e.getKey(), e.getValue());
      assertThat(r.id()).isEqualToIgnoringCase(e.getKey());
      states.add(r.state().name());
      RecordRanges.of(r);
    }
    assertThat(bodies).hasSizeGreaterThan(40);
    assertThat(states).containsOnly("PUBLISHED");
  }

  @Test
  void shouldReadTheWholeLineWildcardAsALimitNotAFix() throws Exception {
    // CVE-2019-11244: "kubectl v1.8.0+" in the issue; the record: v1.8.0 lessThan v1.8* ... v1.14*.
    RecordRanges.Result r = ranges("CVE-2019-11244");
    assertThat(r.unreadable()).isEmpty();
    assertThat(r.ranges()).hasSize(1);
    AffectedRange k = r.ranges().get(0);
    assertThat(k.component()).isEqualTo("kubernetes");
    assertThat(k.events())
        .startsWith(RangeEvent.introduced("1.8.0"), RangeEvent.limit("1.9.0"))
        .endsWith(RangeEvent.introduced("1.14.0"), RangeEvent.limit("1.15.0"))
        .noneMatch(e -> e.kind() == RangeEvent.Kind.FIXED);
  }

  @Test
  void shouldTakeUnaffectedEntriesAsTheFixOfTheirLine() throws Exception {
    // CVE-2023-5528: v1.28.0 lessThanOrEqual v1.28.3 affected, v1.28.4 unaffected.
    RecordRanges.Result r = ranges("CVE-2023-5528");
    assertThat(r.ranges().get(0).component()).isEqualTo("kubelet");
    assertThat(r.ranges().get(0).events())
        .containsExactly(
            RangeEvent.introduced("0"),
            RangeEvent.fixed("1.25.16"),
            RangeEvent.introduced("1.26.0"),
            RangeEvent.fixed("1.26.11"),
            RangeEvent.introduced("1.27.0"),
            RangeEvent.fixed("1.27.8"),
            RangeEvent.introduced("1.28.0"),
            RangeEvent.fixed("1.28.4"));
  }

  @Test
  void shouldStartUnspecifiedStartsAtTheirLineAndTheLowestAtZero() throws Exception {
    RecordRanges.Result r = ranges("CVE-2020-8551");
    assertThat(r.ranges().get(0).events())
        .containsExactly(
            RangeEvent.introduced("0"),
            RangeEvent.fixed("1.15.10"),
            RangeEvent.introduced("1.16.0"),
            RangeEvent.fixed("1.16.7"),
            RangeEvent.introduced("1.17.0"),
            RangeEvent.fixed("1.17.3"));
  }

  @Test
  void shouldNameUnreadableEntriesInsteadOfGuessing() throws Exception {
    // CVE-2023-2727: {version: "v1.24.14", lessThanOrEqual: "<="}.
    RecordRanges.Result r = ranges("CVE-2023-2727");
    assertThat(r.unreadable())
        .containsExactly(
            "Kubernetes {version: \"v1.24.14\", lessThanOrEqual: \"<=\", status: \"affected\","
                + " versionType: \"semver\"}: lessThanOrEqual \"<=\" is not a version");
  }

  private RecordRanges.Result ranges(String id) throws Exception {
    byte[] body = bodies.get(id);
    assumeTrue(body != null, id + " absent");
    return RecordRanges.of(RecordParser.parse(id, body));
  }
}
