package io.k8s.cvefeed.integrity;

import static io.k8s.cvefeed.integrity.GitHubEvents.FEED;
import static io.k8s.cvefeed.integrity.GitHubEvents.eventsPath;
import static io.k8s.cvefeed.integrity.GitHubEvents.labeled;
import static io.k8s.cvefeed.integrity.GitHubEvents.page;
import static io.k8s.cvefeed.integrity.GitHubEvents.unlabeled;
import static io.k8s.cvefeed.integrity.ProvenanceFixture.ALICE;
import static io.k8s.cvefeed.integrity.ProvenanceFixture.UPDATED;
import static io.k8s.cvefeed.integrity.ProvenanceFixture.advisory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.k8s.cvefeed.extract.Extractor;
import io.k8s.cvefeed.github.FakeGitHub;
import io.k8s.cvefeed.github.FetchResult;
import io.k8s.cvefeed.github.RawIssue;
import io.k8s.cvefeed.github.SourceException;
import io.k8s.cvefeed.model.Advisory;
import io.k8s.cvefeed.publish.DirectoryPublisher;
import io.k8s.cvefeed.refresh.Refresher;
import io.k8s.cvefeed.render.JsonFeedRenderer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the provenance check reads the issue events: every page, again only for changed issues, not
 * at all when off, and failing the refresh when the events API fails.
 */
class LabelProvenanceEventsIT {
  @TempDir Path cacheDir;
  @RegisterExtension final ProvenanceFixture fixture = new ProvenanceFixture();

  @Test
  void shouldReadEveryPageOfEvents() throws Exception {
    String first = eventsPath(5);
    String second = first + "&page=2";
    fixture.github().page(first, page(labeled(FEED, "mallory", "2024-02-01T10:00:00Z")), second);
    fixture
        .github()
        .json(
            "GET",
            second,
            page(
                unlabeled(FEED, "alice", "2024-02-02T10:00:00Z"),
                labeled(FEED, "alice", "2024-02-03T10:00:00Z")));

    List<Advisory> out = fixture.run(LabelPolicy.ENFORCE, ALICE, advisory(5, UPDATED));

    assertThat(out).singleElement().extracting(a -> a.labelProvenance().login()).isEqualTo("alice");
  }

  @Test
  void shouldFailTheCheckWhenTheEventsApiFails() {
    fixture.github().answer("GET", eventsPath(7), new FakeGitHub.Answer(502, "{}", Map.of()));

    assertThatThrownBy(() -> fixture.run(LabelPolicy.WARN, ALICE, advisory(7, UPDATED)))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("/issues/7/events");
  }

  @Test
  void shouldPublishNothingWhenTheEventsApiFailsDuringARefresh(@TempDir Path out) {
    fixture
        .github()
        .answer(
            "GET", eventsPath(7), new FakeGitHub.Answer(403, "{\"message\":\"nope\"}", Map.of()));
    RawIssue issue =
        new RawIssue(
            7,
            "CVE-2024-1007: a flaw",
            "body",
            "closed",
            "completed",
            "https://github.com/kubernetes/kubernetes/issues/7",
            Instant.parse("2024-01-01T00:00:00Z"),
            UPDATED,
            null,
            List.of(FEED),
            "alice");
    Refresher refresher =
        Refresher.builder()
            .source(() -> new FetchResult(List.of(issue), 1, 1, 0, null))
            .extractor(new Extractor()::extract)
            .renderer(feed -> new JsonFeedRenderer().render(feed))
            .publishers(List.of(new DirectoryPublisher(out)))
            .check(fixture.check(LabelPolicy.WARN, ALICE, ProvenanceCache.inMemory()))
            .build();

    assertThatThrownBy(refresher::refresh)
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("403");
    assertThat(out.toFile().list()).isEmpty();
  }

  @Test
  void shouldMakeNoRequestsWhenOff() throws Exception {
    List<Advisory> out = fixture.run(LabelPolicy.OFF, ALICE, advisory(1, UPDATED));

    assertThat(out).singleElement().extracting(Advisory::labelProvenance).isNull();
    assertThat(fixture.github().requests()).isEmpty();
  }

  @Test
  void shouldFetchEventsAgainOnlyForIssuesWhoseUpdatedAtChanged() throws Exception {
    for (long n = 1; n <= 3; n++) {
      fixture
          .github()
          .json("GET", eventsPath(n), page(labeled(FEED, "alice", "2024-02-01T10:00:00Z")));
    }
    List<Advisory> issues =
        List.of(advisory(1, UPDATED), advisory(2, UPDATED), advisory(3, UPDATED));
    Path dir = cacheDir.resolve("label-provenance");

    fixture
        .check(LabelPolicy.WARN, ALICE, ProvenanceCache.directory(dir))
        .check(issues, fixture.diagnostics);
    long firstRun = fixture.github().count("GET", "/events");
    fixture.github().forgetRequests();
    // A later run, with a fresh cache object over the same directory (a new CLI process).
    fixture
        .check(LabelPolicy.WARN, ALICE, ProvenanceCache.directory(dir))
        .check(issues, fixture.diagnostics);
    long unchangedRun = fixture.github().count("GET", "/events");
    List<Advisory> oneChanged =
        List.of(advisory(1, UPDATED), advisory(2, UPDATED.plusSeconds(60)), advisory(3, UPDATED));
    List<Advisory> out =
        fixture
            .check(LabelPolicy.WARN, ALICE, ProvenanceCache.directory(dir))
            .check(oneChanged, fixture.diagnostics);

    assertThat(firstRun).isEqualTo(3);
    assertThat(unchangedRun).isZero();
    assertThat(fixture.github().requests())
        .extracting(FakeGitHub.Request::pathAndQuery)
        .containsExactly(eventsPath(2));
    assertThat(out).allSatisfy(a -> assertThat(a.labelProvenance().login()).isEqualTo("alice"));
    assertThat(fixture.diagnostics).isEmpty();
  }
}
