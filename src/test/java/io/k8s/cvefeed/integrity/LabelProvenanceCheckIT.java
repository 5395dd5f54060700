package io.k8s.cvefeed.integrity;

import static io.k8s.cvefeed.integrity.GitHubEvents.FEED;
import static io.k8s.cvefeed.integrity.GitHubEvents.eventsPath;
import static io.k8s.cvefeed.integrity.GitHubEvents.labeled;
import static io.k8s.cvefeed.integrity.GitHubEvents.page;
import static io.k8s.cvefeed.integrity.GitHubEvents.unlabeled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.k8s.cvefeed.extract.Diagnostic;
import io.k8s.cvefeed.extract.Extractor;
import io.k8s.cvefeed.github.FakeGitHub;
import io.k8s.cvefeed.github.FetchResult;
import io.k8s.cvefeed.github.GitHubClient;
import io.k8s.cvefeed.github.IssueEventsSource;
import io.k8s.cvefeed.github.RawIssue;
import io.k8s.cvefeed.github.SourceException;
import io.k8s.cvefeed.github.TeamMembersSource;
import io.k8s.cvefeed.model.Advisory;
import io.k8s.cvefeed.model.CveId;
import io.k8s.cvefeed.model.LabelProvenance;
import io.k8s.cvefeed.model.Status;
import io.k8s.cvefeed.publish.DirectoryPublisher;
import io.k8s.cvefeed.refresh.Refresher;
import io.k8s.cvefeed.render.JsonFeedRenderer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The provenance check against issue events served by an in-process fake GitHub. */
class LabelProvenanceCheckIT {
  private static final Instant UPDATED = Instant.parse("2024-03-01T00:00:00Z");
  private static final TrustedLabelers ALICE = new TrustedLabelers(Set.of("alice"), List.of());

  @TempDir Path cacheDir;
  private FakeGitHub github;
  private GitHubClient client;
  private final List<Diagnostic> diagnostics = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    github = FakeGitHub.start();
    client = client(null);
  }

  @AfterEach
  void stop() {
    github.close();
  }

  private GitHubClient client(String token) {
    return GitHubClient.builder()
        .apiBase(github.base())
        .token(token)
        .maxTries(2)
        .sleeper(d -> {})
        .build();
  }

  private static Advisory advisory(long issue, Instant updated) {
    return Advisory.basic(
        issue,
        List.of(CveId.of("CVE-2024-" + (1000 + issue))),
        "summary",
        "https://github.com/kubernetes/kubernetes/issues/" + issue,
        "",
        Instant.parse("2024-01-01T00:00:00Z"),
        updated,
        Status.FIXED);
  }

  private LabelProvenanceCheck check(
      LabelPolicy policy, TrustedLabelers trusted, ProvenanceCache cache) {
    return new LabelProvenanceCheck(
        policy,
        FEED,
        trusted,
        new IssueEventsSource(client, "kubernetes/kubernetes"),
        new TeamMembersSource(client),
        cache);
  }

  private List<Advisory> run(LabelPolicy policy, TrustedLabelers trusted, Advisory... advisories)
      throws Exception {
    return check(policy, trusted, ProvenanceCache.inMemory())
        .check(List.of(advisories), diagnostics);
  }

  @Test
  void shouldRecordATrustedLabellerWithoutDiagnostics() throws Exception {
    github.json("GET", eventsPath(1), page(labeled(FEED, "alice", "2024-02-01T10:00:00Z")));

    List<Advisory> out = run(LabelPolicy.ENFORCE, ALICE, advisory(1, UPDATED));

    assertThat(out)
        .singleElement()
        .extracting(Advisory::labelProvenance)
        .isEqualTo(new LabelProvenance("alice", Instant.parse("2024-02-01T10:00:00Z"), true));
    assertThat(diagnostics).isEmpty();
  }

  @Test
  void shouldWarnButKeepAnItemLabelledBySomeoneUntrusted() throws Exception {
    github.json("GET", eventsPath(2), page(labeled(FEED, "mallory", "2024-02-02T11:00:00Z")));

    List<Advisory> out = run(LabelPolicy.WARN, ALICE, advisory(2, UPDATED));

    assertThat(out)
        .singleElement()
        .extracting(Advisory::labelProvenance)
        .isEqualTo(new LabelProvenance("mallory", Instant.parse("2024-02-02T11:00:00Z"), false));
    assertThat(diagnostics)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.issueNumber()).isEqualTo(2);
              assertThat(d.kind()).isEqualTo(LabelProvenanceCheck.UNTRUSTED);
              assertThat(d.message()).contains("@mallory", "2024-02-02T11:00:00Z");
              assertThat(d.skipsIssue()).isFalse();
            });
  }

  @Test
  void shouldLeaveOutAnItemLabelledBySomeoneUntrustedWhenEnforcing() throws Exception {
    github.json("GET", eventsPath(1), page(labeled(FEED, "alice", "2024-02-01T10:00:00Z")));
    github.json("GET", eventsPath(2), page(labeled(FEED, "mallory", "2024-02-02T11:00:00Z")));

    List<Advisory> out =
        run(LabelPolicy.ENFORCE, ALICE, advisory(1, UPDATED), advisory(2, UPDATED));

    assertThat(out).extracting(Advisory::issueNumber).containsExactly(1L);
    assertThat(diagnostics)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.issueNumber()).isEqualTo(2);
              assertThat(d.skipsIssue()).isTrue();
            });
  }

  @Test
  void shouldCountTheLaterLabellerWhenTheLabelWasRemovedAndReAdded() throws Exception {
    // alice labels, the label is removed, then mallory adds it back: mallory's is what stands.
    github.json(
        "GET",
        eventsPath(3),
        page(
            labeled(FEED, "alice", "2024-02-01T10:00:00Z"),
            GitHubEvents.commented("bob", "2024-02-01T11:00:00Z"),
            unlabeled(FEED, "bob", "2024-02-02T10:00:00Z"),
            labeled("kind/bug", "alice", "2024-02-02T12:00:00Z"),
            labeled(FEED, "mallory", "2024-02-03T10:00:00Z")));

    List<Advisory> out = run(LabelPolicy.ENFORCE, ALICE, advisory(3, UPDATED));

    assertThat(out).isEmpty();
    assertThat(diagnostics)
        .singleElement()
        .satisfies(d -> assertThat(d.message()).contains("@mallory"));
  }

  @Test
  void shouldTrustTheBotOnlyWhenItIsListed() throws Exception {
    // A trusted member wrote "/label official-cve-feed"; the events name the bot that obeyed it.
    github.json("GET", eventsPath(4), page(labeled(FEED, "k8s-ci-robot", "2024-02-04T10:00:00Z")));

    List<Advisory> withoutBot = run(LabelPolicy.ENFORCE, ALICE, advisory(4, UPDATED));
    List<Advisory> withBot =
        run(
            LabelPolicy.ENFORCE,
            ALICE.and(new TrustedLabelers(Set.of("k8s-ci-robot"), List.of())),
            advisory(4, UPDATED));

    assertThat(withoutBot).isEmpty();
    assertThat(withBot)
        .singleElement()
        .extracting(a -> a.labelProvenance().login())
        .isEqualTo("k8s-ci-robot");
  }

  @Test
  void shouldReadEveryPageOfEvents() throws Exception {
    String first = eventsPath(5);
    String second = first + "&page=2";
    github.page(first, page(labeled(FEED, "mallory", "2024-02-01T10:00:00Z")), second);
    github.json(
        "GET",
        second,
        page(
            unlabeled(FEED, "alice", "2024-02-02T10:00:00Z"),
            labeled(FEED, "alice", "2024-02-03T10:00:00Z")));

    List<Advisory> out = run(LabelPolicy.ENFORCE, ALICE, advisory(5, UPDATED));

    assertThat(out).singleElement().extracting(a -> a.labelProvenance().login()).isEqualTo("alice");
  }

  @Test
  void shouldResolveTeamMembersWithAToken() throws Exception {
    client = client("test-token");
    github.json(
        "GET",
        "/orgs/kubernetes/teams/security-leads/members?per_page=100",
        "[{\"login\":\"Carol\"}]");
    github.json("GET", eventsPath(6), page(labeled(FEED, "carol", "2024-02-01T10:00:00Z")));
    TrustedLabelers team =
        new TrustedLabelers(
            Set.of(), List.of(new TrustedLabelers.Team("kubernetes", "security-leads")));

    List<Advisory> out = run(LabelPolicy.ENFORCE, team, advisory(6, UPDATED));

    assertThat(out).singleElement().extracting(a -> a.labelProvenance().trusted()).isEqualTo(true);
  }

  @Test
  void shouldFailTheCheckWhenTheEventsApiFails() {
    github.answer("GET", eventsPath(7), new FakeGitHub.Answer(502, "{}", Map.of()));

    assertThatThrownBy(() -> run(LabelPolicy.WARN, ALICE, advisory(7, UPDATED)))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("/issues/7/events");
  }

  @Test
  void shouldPublishNothingWhenTheEventsApiFailsDuringARefresh(@TempDir Path out) {
    github.answer(
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
            .check(check(LabelPolicy.WARN, ALICE, ProvenanceCache.inMemory()))
            .build();

    assertThatThrownBy(refresher::refresh)
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("403");
    assertThat(out.toFile().list()).isEmpty();
  }

  @Test
  void shouldMakeNoRequestsWhenOff() throws Exception {
    List<Advisory> out = run(LabelPolicy.OFF, ALICE, advisory(1, UPDATED));

    assertThat(out).singleElement().extracting(Advisory::labelProvenance).isNull();
    assertThat(github.requests()).isEmpty();
  }

  @Test
  void shouldFetchEventsAgainOnlyForIssuesWhoseUpdatedAtChanged() throws Exception {
    for (long n = 1; n <= 3; n++) {
      github.json("GET", eventsPath(n), page(labeled(FEED, "alice", "2024-02-01T10:00:00Z")));
    }
    List<Advisory> issues =
        List.of(advisory(1, UPDATED), advisory(2, UPDATED), advisory(3, UPDATED));
    Path dir = cacheDir.resolve("label-provenance");

    check(LabelPolicy.WARN, ALICE, ProvenanceCache.directory(dir)).check(issues, diagnostics);
    long firstRun = github.count("GET", "/events");
    github.forgetRequests();
    // A later run, with a fresh cache object over the same directory (a new CLI process).
    check(LabelPolicy.WARN, ALICE, ProvenanceCache.directory(dir)).check(issues, diagnostics);
    long unchangedRun = github.count("GET", "/events");
    List<Advisory> oneChanged =
        List.of(advisory(1, UPDATED), advisory(2, UPDATED.plusSeconds(60)), advisory(3, UPDATED));
    List<Advisory> out =
        check(LabelPolicy.WARN, ALICE, ProvenanceCache.directory(dir))
            .check(oneChanged, diagnostics);

    assertThat(firstRun).isEqualTo(3);
    assertThat(unchangedRun).isZero();
    assertThat(github.requests())
        .extracting(FakeGitHub.Request::pathAndQuery)
        .containsExactly(eventsPath(2));
    assertThat(out).allSatisfy(a -> assertThat(a.labelProvenance().login()).isEqualTo("alice"));
    assertThat(diagnostics).isEmpty();
  }

  @Test
  void shouldReportAnIssueWhoseEventsNeverAppliedTheLabel() throws Exception {
    github.json("GET", eventsPath(8), page(labeled("kind/bug", "alice", "2024-02-01T10:00:00Z")));

    List<Advisory> warned = run(LabelPolicy.WARN, ALICE, advisory(8, UPDATED));

    assertThat(warned).singleElement().extracting(Advisory::labelProvenance).isNull();
    assertThat(diagnostics)
        .singleElement()
        .extracting(Diagnostic::kind)
        .isEqualTo(LabelProvenanceCheck.UNKNOWN);
  }
}
