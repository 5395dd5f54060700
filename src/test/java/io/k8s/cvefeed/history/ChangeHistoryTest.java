package io.k8s.cvefeed.history;

import static io.k8s.cvefeed.history.HistoryFixtures.advisory;
import static io.k8s.cvefeed.history.HistoryFixtures.withBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.k8s.cvefeed.model.Advisory;
import io.k8s.cvefeed.model.Severity;
import io.k8s.cvefeed.model.Status;
import io.k8s.cvefeed.refresh.RefreshReport;
import io.k8s.cvefeed.refresh.TargetResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeHistoryTest {
  // Feed A: five CVEs. Feed B changes each of the first four in one way and drops the fifth.
  private static final Advisory STAYS =
      advisory("CVE-2026-1001", "Unchanged", Status.FIXED, Severity.LOW, "1.30.2");
  private static final Advisory OPEN =
      advisory("CVE-2026-1002", "Gets fixed", Status.OPEN, Severity.HIGH, "1.30.3");
  private static final Advisory RETITLED =
      advisory("CVE-2026-1003", "Old title", Status.FIXED, Severity.MEDIUM, "1.30.4");
  private static final Advisory RESCORED =
      advisory("CVE-2026-1004", "Rescored", Status.FIXED, Severity.MEDIUM, "1.30.5");
  private static final Advisory DROPPED =
      advisory("CVE-2026-1005", "Withdrawn", Status.UNKNOWN, null, "1.30.6");
  private static final Advisory NEW =
      advisory("CVE-2026-1006", "Brand new", Status.OPEN, Severity.CRITICAL, "1.30.7");

  private static final Advisory[] FEED_A = {STAYS, OPEN, RETITLED, RESCORED, DROPPED};

  @Test
  void shouldRecordOneInitialEventOnTheFirstPublish() throws Exception {
    Harness h = new Harness();
    h.refresh(FEED_A);

    assertThat(h.events())
        .extracting(ChangeEvent::kind, ChangeEvent::items, ChangeEvent::time)
        .containsExactly(tuple(ChangeEvent.Kind.INITIAL, 5, h.now()));
    assertThat(h.history.takePending().events()).hasSize(1);
  }

  @Test
  void shouldNameExactlyTheChangesBetweenTwoFeeds() throws Exception {
    Harness h = new Harness();
    h.refresh(FEED_A);
    h.refresh(
        STAYS,
        advisory("CVE-2026-1002", "Gets fixed", Status.FIXED, Severity.HIGH, "1.30.3"),
        withBody(
            advisory("CVE-2026-1003", "New title", Status.FIXED, Severity.MEDIUM, "1.30.4"),
            "New body"),
        advisory("CVE-2026-1004", "Rescored", Status.FIXED, Severity.CRITICAL, "1.30.9"),
        NEW);

    assertThat(h.events())
        .extracting(
            ChangeEvent::kind,
            ChangeEvent::id,
            ChangeEvent::oldStatus,
            ChangeEvent::status,
            ChangeEvent::fields)
        .containsExactly(
            tuple(ChangeEvent.Kind.ADDED, "CVE-2026-1006", null, "open", List.of()),
            tuple(ChangeEvent.Kind.STATUS_CHANGED, "CVE-2026-1002", "open", "fixed", List.of()),
            tuple(
                ChangeEvent.Kind.EDITED,
                "CVE-2026-1004",
                null,
                "fixed",
                List.of("severity", "ranges")),
            tuple(
                ChangeEvent.Kind.EDITED,
                "CVE-2026-1003",
                null,
                "fixed",
                List.of("summary", "body")),
            tuple(ChangeEvent.Kind.REMOVED, "CVE-2026-1005", null, "unknown", List.of()),
            tuple(ChangeEvent.Kind.INITIAL, null, null, null, List.of()));
    ChangeEvent added = h.events().get(0);
    assertThat(added.time()).isEqualTo(h.now());
    assertThat(added.url()).isEqualTo(NEW.url());
    assertThat(added.severity()).isEqualTo("CRITICAL");
    assertThat(added.summary()).isEqualTo("Brand new");
  }

  @Test
  void shouldAddNothingWhenARefreshFindsNoChange() throws Exception {
    Harness h = new Harness();
    h.refresh(FEED_A);
    h.refresh(STAYS, NEW);
    String json = h.file(ChangeHistory.JSON_PATH);
    String atom = h.file(ChangeHistory.ATOM_PATH);
    h.history.takePending();

    RefreshReport again = h.refresh(STAYS, NEW);

    assertThat(again.targets())
        .extracting(TargetResult::outcome)
        .containsExactly(TargetResult.Outcome.UNCHANGED);
    assertThat(h.file(ChangeHistory.JSON_PATH)).isEqualTo(json);
    assertThat(h.file(ChangeHistory.ATOM_PATH)).isEqualTo(atom);
    assertThat(h.history.takePending()).isNull();
  }

  @Test
  void shouldKeepTheHistoryWhenTheFeedChangesInAFieldItDoesNotTrack() throws Exception {
    Harness h = new Harness();
    h.refresh(FEED_A);
    String json = h.file(ChangeHistory.JSON_PATH);
    Advisory republished =
        new Advisory(
            STAYS.issueNumber(),
            STAYS.ids(),
            STAYS.summary(),
            STAYS.url(),
            STAYS.body(),
            STAYS.published().minusSeconds(60),
            STAYS.updated(),
            STAYS.status(),
            STAYS.cvss(),
            STAYS.affected(),
            STAYS.detailSource(),
            null);

    h.refresh(republished, OPEN, RETITLED, RESCORED, DROPPED);

    assertThat(h.target.publishes).isEqualTo(2);
    assertThat(h.file(ChangeHistory.JSON_PATH)).isEqualTo(json);
    assertThat(h.history.takePending().events()).isEmpty();
  }

  @Test
  void shouldKeepOnlyTheNewestEventsWhenTheHistoryIsFull() throws Exception {
    Harness h = new Harness(3);
    h.refresh(STAYS);
    h.refresh(STAYS, OPEN);
    h.refresh(STAYS, OPEN, RETITLED);
    h.refresh(STAYS, OPEN, RETITLED, RESCORED);

    assertThat(h.events())
        .extracting(ChangeEvent::id)
        .containsExactly("CVE-2026-1004", "CVE-2026-1003", "CVE-2026-1002");
  }

  @Test
  void shouldWriteTheSameBytesForTheSameInput() throws Exception {
    Harness first = new Harness();
    Harness second = new Harness();
    for (Harness h : List.of(first, second)) {
      h.refresh(FEED_A);
      h.refresh(STAYS, NEW);
    }
    assertThat(first.file(ChangeHistory.JSON_PATH)).isEqualTo(second.file(ChangeHistory.JSON_PATH));
    assertThat(first.file(ChangeHistory.ATOM_PATH)).isEqualTo(second.file(ChangeHistory.ATOM_PATH));
  }

  @Test
  void shouldRefuseToContinueAnUnreadableHistory() throws Exception {
    Harness h = new Harness();
    h.refresh(FEED_A);
    h.target.files.put(ChangeHistory.JSON_PATH, "{not json".getBytes(StandardCharsets.UTF_8));

    RefreshReport report = h.refresh(STAYS);

    assertThat(report.targets())
        .extracting(TargetResult::outcome)
        .containsExactly(TargetResult.Outcome.FAILED);
    assertThat(report.targets().get(0).error())
        .startsWith("memory://primary/changes.json: unreadable")
        .endsWith("remove the file to restart it");
  }

  @Test
  void shouldStartAFreshHistoryBesideAnOldOneWhenTheFeedFileIsGone() throws Exception {
    Harness h = new Harness();
    h.refresh(FEED_A);
    h.target.files.remove("official-cve-feed.json");
    h.refresh(STAYS);

    assertThat(h.events())
        .extracting(ChangeEvent::kind)
        .containsExactly(ChangeEvent.Kind.INITIAL, ChangeEvent.Kind.INITIAL);
  }

  @Test
  void shouldNotCompareSeverityOrRangesWithAFeedThatLacksTheExtension() {
    ItemState before = new ItemState("CVE-2026-1", "u", "s", "b", "open", null, null, false);
    ItemState after = new ItemState("CVE-2026-1", "u", "s", "b", "open", "HIGH", "[]", true);
    assertThat(ChangeDiff.editedFields(before, after)).isEmpty();
  }
}
