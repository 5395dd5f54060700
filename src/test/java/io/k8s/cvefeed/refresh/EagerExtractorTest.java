package io.k8s.cvefeed.refresh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.k8s.cvefeed.extract.Extraction;
import io.k8s.cvefeed.extract.Extractor;
import io.k8s.cvefeed.source.RawIssue;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class EagerExtractorTest {
  private final Extractor extractor = new Extractor();
  private final Map<RawIssue, AtomicInteger> calls = new ConcurrentHashMap<>();

  private Extraction counted(RawIssue issue) {
    calls.computeIfAbsent(issue, i -> new AtomicInteger()).incrementAndGet();
    return extractor.extract(issue);
  }

  private static RawIssue issue(long number, String title, Instant updated) {
    return new RawIssue(
        number,
        title,
        "CVSS Rating: CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
        "closed",
        "completed",
        "https://github.com/kubernetes/kubernetes/issues/" + number,
        Instant.parse("2024-01-01T00:00:00Z"),
        updated,
        null,
        List.of("official-cve-feed"),
        "someone");
  }

  @Test
  void shouldGiveTheEarlyResultOnceAndExtractEachIssueOnce() {
    RawIssue one = issue(1, "CVE-2024-0001: one", Instant.parse("2024-01-02T00:00:00Z"));
    RawIssue two = issue(2, "CVE-2024-0002: two", Instant.parse("2024-01-02T00:00:00Z"));
    try (EagerExtractor eager = new EagerExtractor(this::counted, 2)) {
      eager.accept(one);
      eager.accept(two);

      Extraction first = eager.apply(one);
      Extraction second = eager.apply(two);

      assertThat(first).isEqualTo(extractor.extract(one));
      assertThat(second).isEqualTo(extractor.extract(two));
      assertThat(calls.get(one)).hasValue(1);
      assertThat(calls.get(two)).hasValue(1);
      assertThat(eager.pending()).isZero();
    }
  }

  @Test
  void shouldExtractANewerCopyOfTheSameIssueAgain() {
    RawIssue old = issue(7, "CVE-2024-0007: old", Instant.parse("2024-01-02T00:00:00Z"));
    RawIssue newer = issue(7, "CVE-2024-0007: newer", Instant.parse("2024-01-03T00:00:00Z"));
    try (EagerExtractor eager = new EagerExtractor(this::counted, 1)) {
      eager.accept(old);

      Extraction got = eager.apply(newer);

      assertThat(got.advisory()).isNotNull();
      assertThat(got.advisory().summary()).isEqualTo("newer");
      assertThat(calls.get(newer)).hasValue(1);
    }
  }

  @Test
  void shouldExtractAnIssueItNeverHeardOfOnTheSpot() {
    RawIssue unseen = issue(9, "CVE-2024-0009: unseen", Instant.parse("2024-01-02T00:00:00Z"));
    try (EagerExtractor eager = new EagerExtractor(this::counted, 1)) {
      assertThat(eager.apply(unseen)).isEqualTo(extractor.extract(unseen));
      assertThat(calls.get(unseen)).hasValue(1);
    }
  }

  @Test
  void shouldRethrowWhatTheExtractorThrew() {
    Function<RawIssue, Extraction> broken =
        i -> {
          throw new IllegalStateException("bug while reading issue #" + i.number());
        };
    RawIssue issue = issue(3, "CVE-2024-0003: three", Instant.parse("2024-01-02T00:00:00Z"));
    try (EagerExtractor eager = new EagerExtractor(broken, 1)) {
      eager.accept(issue);

      assertThatThrownBy(() -> eager.apply(issue))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("bug while reading issue #3");
    }
  }

  @Test
  void shouldIgnoreIssuesHeardOfAfterClosingAndStillExtractThem() {
    RawIssue late = issue(11, "CVE-2024-0011: late", Instant.parse("2024-01-02T00:00:00Z"));
    EagerExtractor eager = new EagerExtractor(this::counted, 1);
    eager.close();

    eager.accept(late);

    assertThat(eager.pending()).isZero();
    assertThat(eager.apply(late)).isEqualTo(extractor.extract(late));
  }
}
