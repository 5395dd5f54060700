package io.k8s.cvefeed.cverecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.k8s.cvefeed.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The record source against an in-process CVE API: fresh, cached, conditional, failing. */
class CveRecordsIT {
  private static final Instant T0 = Instant.parse("2026-01-10T00:00:00Z");
  private static final Instant ISSUE_UPDATED = Instant.parse("2026-01-01T00:00:00Z");

  @TempDir Path cache;
  private FakeCveApi api;
  private final MutableClock clock = new MutableClock(T0);
  private final List<Duration> slept = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    api = FakeCveApi.start();
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private CveRecords records() {
    return new CveRecords(
        api.base(),
        cache,
        CveRecords.DEFAULT_TTL,
        4,
        CveRecords.httpClient(),
        Duration.ofSeconds(2),
        clock,
        slept::add);
  }

  private static Map<String, Instant> ids(String... ids) {
    Map<String, Instant> out = new TreeMap<>();
    for (String id : ids) {
      out.put(id, ISSUE_UPDATED);
    }
    return out;
  }

  @Test
  void shouldReadEveryRealRecordAndAskNothingAgainWithinTheTtl() throws Exception {
    assumeTrue(Files.isDirectory(RealRecords.dir()), "shared data absent");
    Map<String, byte[]> bodies = RealRecords.bodies();
    api.serve(bodies);
    Map<String, Instant> all = new TreeMap<>();
    bodies.keySet().forEach(id -> all.put(id, ISSUE_UPDATED));
    CveRecords records = records();

    Map<String, Lookup> first = records.lookup(all);
    assertThat(first.values()).allMatch(l -> l instanceof Lookup.Found f && f.warning() == null);
    assertThat(api.requests()).hasSize(bodies.size());
    assertThat(records.due(all, clock.instant())).isFalse();

    clock.advance(Duration.ofHours(23));
    Map<String, Lookup> second = records().lookup(all);
    assertThat(api.requests()).as("an unchanged refresh within the TTL").hasSize(bodies.size());
    assertThat(CveRecords.digest(second)).isEqualTo(CveRecords.digest(first));
  }

  @Test
  void shouldRefetchConditionallyAfterTheTtl() throws Exception {
    api.serve("CVE-2024-0001", Fixtures.kubelet("CVE-2024-0001"));
    CveRecords records = records();
    records.lookup(ids("CVE-2024-0001"));
    clock.advance(Duration.ofHours(25));
    assertThat(records.due(ids("CVE-2024-0001"), clock.instant())).isTrue();

    Lookup again = records.lookup(ids("CVE-2024-0001")).get("CVE-2024-0001");

    assertThat(again).isInstanceOf(Lookup.Found.class);
    assertThat(api.requests()).hasSize(2);
    assertThat(api.requests().get(1).ifNoneMatch()).isNotEmpty();
    assertThat(records.due(ids("CVE-2024-0001"), clock.instant())).isFalse();
  }

  @Test
  void shouldRefetchEarlyWhenTheIssueChangedAfterTheFetch() throws Exception {
    api.serve("CVE-2024-0001", Fixtures.kubelet("CVE-2024-0001"));
    CveRecords records = records();
    records.lookup(ids("CVE-2024-0001"));
    clock.advance(Duration.ofHours(1));
    Map<String, Instant> edited = Map.of("CVE-2024-0001", clock.instant());

    assertThat(records.due(edited, clock.instant())).isTrue();
    records.lookup(edited);

    assertThat(api.requests()).hasSize(2);
  }

  @Test
  void shouldSayNoRecordYetOn404() throws Exception {
    Lookup l = records().lookup(ids("CVE-2099-0001")).get("CVE-2099-0001");
    assertThat(l).isInstanceOf(Lookup.Missing.class);
  }

  @Test
  void shouldWaitAShortRetryAfterOnceThenSucceed() throws Exception {
    api.serve("CVE-2024-0001", Fixtures.kubelet("CVE-2024-0001"))
        .fail("CVE-2024-0001", FakeCveApi.Failure.RATE_LIMITED_SHORT);
    Lookup l = records().lookup(ids("CVE-2024-0001")).get("CVE-2024-0001");
    assertThat(l).isInstanceOf(Lookup.Found.class);
    assertThat(slept).containsExactly(Duration.ofSeconds(2));
  }

  @Test
  void shouldGiveUpOnALongRetryAfterNamingTheCve() throws Exception {
    api.serve("CVE-2024-0001", Fixtures.kubelet("CVE-2024-0001"))
        .fail("CVE-2024-0001", FakeCveApi.Failure.RATE_LIMITED_LONG);
    Lookup l = records().lookup(ids("CVE-2024-0001")).get("CVE-2024-0001");
    assertThat(l).isInstanceOf(Lookup.Unavailable.class);
    assertThat(l.warning())
        .startsWith("CVE-2024-0001: 127.0.0.1 is rate limiting (429, Retry-After 3600s)")
        .endsWith("; the feed goes without its record this time");
    assertThat(slept).isEmpty();
  }

  @Test
  void shouldFingerprintTheCachedRecordsAndSayWhenOneIsDue() throws Exception {
    CveRecords records = records();
    String unknown = records.fingerprint(clock.instant());
    api.serve("CVE-2024-0001", Fixtures.kubelet("CVE-2024-0001"));
    records.lookup(ids("CVE-2024-0001"));

    String fresh = records.fingerprint(clock.instant());
    clock.advance(Duration.ofHours(1));
    assertThat(records().fingerprint(clock.instant())).isEqualTo(fresh).isNotEqualTo(unknown);

    clock.advance(Duration.ofDays(2)); // past the TTL: due, so unlike any earlier fingerprint
    String due = records.fingerprint(clock.instant());
    assertThat(due).isNotEqualTo(fresh);
    clock.advance(Duration.ofSeconds(1));
    assertThat(records.fingerprint(clock.instant())).isNotEqualTo(due);
  }

  @Test
  void shouldFallBackToTheCachedRecordWhenTheApiFails() throws Exception {
    api.serve("CVE-2024-0001", Fixtures.kubelet("CVE-2024-0001"));
    CveRecords records = records();
    assertThat(records.lookup(ids("CVE-2024-0001")).get("CVE-2024-0001"))
        .isInstanceOf(Lookup.Found.class);
    assertThat(Files.list(cache).map(p -> p.getFileName().toString()).toList())
        .containsExactlyInAnyOrder("CVE-2024-0001.record", "ids"); // no temporary file left
    clock.advance(Duration.ofDays(2));
    for (FakeCveApi.Failure f :
        List.of(FakeCveApi.Failure.SERVER_ERROR, FakeCveApi.Failure.MALFORMED)) {
      api.fail("CVE-2024-0001", f);
      Lookup l = records.lookup(ids("CVE-2024-0001")).get("CVE-2024-0001");
      assertThat(l).as(f.name()).isInstanceOf(Lookup.Found.class);
      assertThat(l.warning())
          .as(f.name())
          .contains("using the record fetched at 2026-01-10T00:00:00Z");
    }
    assertThat(records.health().failures()).isEqualTo(2);
  }

  @Test
  void shouldNameEachFailureInWords() throws Exception {
    api.fail("CVE-2024-0002", FakeCveApi.Failure.SERVER_ERROR)
        .fail("CVE-2024-0003", FakeCveApi.Failure.SLOW)
        .fail("CVE-2024-0004", FakeCveApi.Failure.MALFORMED);
    Map<String, Lookup> l =
        records().lookup(ids("CVE-2024-0002", "CVE-2024-0003", "CVE-2024-0004"));
    assertThat(l.get("CVE-2024-0002").warning()).contains("127.0.0.1 answered 500");
    assertThat(l.get("CVE-2024-0003").warning()).contains("no answer from 127.0.0.1 in time");
    assertThat(l.get("CVE-2024-0004").warning())
        .contains(
            "CVE-2024-0004 from 127.0.0.1: the CVE record is not JSON (Unexpected end-of-input");
    assertThat(slept).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void shouldNameARefusedConnection() throws Exception {
    java.net.URI dead = api.base();
    api.close();
    CveRecords records =
        new CveRecords(
            dead,
            cache,
            CveRecords.DEFAULT_TTL,
            1,
            CveRecords.httpClient(),
            Duration.ofSeconds(2),
            clock,
            slept::add);
    Lookup l = records.lookup(ids("CVE-2024-0001")).get("CVE-2024-0001");
    assertThat(l.warning()).startsWith("CVE-2024-0001: connection to 127.0.0.1 refused");
  }

  @Test
  void shouldReadARejectedRecord() throws Exception {
    api.serve("CVE-2024-0005", Fixtures.rejected("CVE-2024-0005"));
    Lookup l = records().lookup(ids("CVE-2024-0005")).get("CVE-2024-0005");
    assertThat(((Lookup.Found) l).record().state()).isEqualTo(CveRecord.State.REJECTED);
  }
}
