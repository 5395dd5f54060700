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

import io.k8s.cvefeed.extract.Diagnostic;
import io.k8s.cvefeed.model.Advisory;
import io.k8s.cvefeed.model.LabelProvenance;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The provenance check against issue events served by an in-process fake GitHub: who applied the
 * label last, and whether the policy trusts them.
 */
class LabelProvenanceCheckIT {
  @RegisterExtension final ProvenanceFixture fixture = new ProvenanceFixture();

  @Test
  void shouldRecordATrustedLabellerWithoutDiagnostics() throws Exception {
    fixture
        .github()
        .json("GET", eventsPath(1), page(labeled(FEED, "alice", "2024-02-01T10:00:00Z")));

    List<Advisory> out = fixture.run(LabelPolicy.ENFORCE, ALICE, advisory(1, UPDATED));

    assertThat(out)
        .singleElement()
        .extracting(Advisory::labelProvenance)
        .isEqualTo(new LabelProvenance("alice", Instant.parse("2024-02-01T10:00:00Z"), true));
    assertThat(fixture.diagnostics).isEmpty();
  }

  @Test
  void shouldWarnButKeepAnItemLabelledBySomeoneUntrusted() throws Exception {
    fixture
        .github()
        .json("GET", eventsPath(2), page(labeled(FEED, "mallory", "2024-02-02T11:00:00Z")));

    List<Advisory> out = fixture.run(LabelPolicy.WARN, ALICE, advisory(2, UPDATED));

    assertThat(out)
        .singleElement()
        .extracting(Advisory::labelProvenance)
        .isEqualTo(new LabelProvenance("mallory", Instant.parse("2024-02-02T11:00:00Z"), false));
    assertThat(fixture.diagnostics)
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
    fixture
        .github()
        .json("GET", eventsPath(1), page(labeled(FEED, "alice", "2024-02-01T10:00:00Z")));
    fixture
        .github()
        .json("GET", eventsPath(2), page(labeled(FEED, "mallory", "2024-02-02T11:00:00Z")));

    List<Advisory> out =
        fixture.run(LabelPolicy.ENFORCE, ALICE, advisory(1, UPDATED), advisory(2, UPDATED));

    assertThat(out).extracting(Advisory::issueNumber).containsExactly(1L);
    assertThat(fixture.diagnostics)
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
    fixture
        .github()
        .json(
            "GET",
            eventsPath(3),
            page(
                labeled(FEED, "alice", "2024-02-01T10:00:00Z"),
                GitHubEvents.commented("bob", "2024-02-01T11:00:00Z"),
                unlabeled(FEED, "bob", "2024-02-02T10:00:00Z"),
                labeled("kind/bug", "alice", "2024-02-02T12:00:00Z"),
                labeled(FEED, "mallory", "2024-02-03T10:00:00Z")));

    List<Advisory> out = fixture.run(LabelPolicy.ENFORCE, ALICE, advisory(3, UPDATED));

    assertThat(out).isEmpty();
    assertThat(fixture.diagnostics)
        .singleElement()
        .satisfies(d -> assertThat(d.message()).contains("@mallory"));
  }

  @Test
  void shouldTrustTheBotOnlyWhenItIsListed() throws Exception {
    // A trusted member wrote "/label official-cve-feed"; the events name the bot that obeyed it.
    fixture
        .github()
        .json("GET", eventsPath(4), page(labeled(FEED, "k8s-ci-robot", "2024-02-04T10:00:00Z")));

    List<Advisory> withoutBot = fixture.run(LabelPolicy.ENFORCE, ALICE, advisory(4, UPDATED));
    List<Advisory> withBot =
        fixture.run(
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
  void shouldResolveTeamMembersWithAToken() throws Exception {
    fixture.client = fixture.client("test-token");
    fixture
        .github()
        .json(
            "GET",
            "/orgs/kubernetes/teams/security-leads/members?per_page=100",
            "[{\"login\":\"Carol\"}]");
    fixture
        .github()
        .json("GET", eventsPath(6), page(labeled(FEED, "carol", "2024-02-01T10:00:00Z")));
    TrustedLabelers team =
        new TrustedLabelers(
            Set.of(), List.of(new TrustedLabelers.Team("kubernetes", "security-leads")));

    List<Advisory> out = fixture.run(LabelPolicy.ENFORCE, team, advisory(6, UPDATED));

    assertThat(out).singleElement().extracting(a -> a.labelProvenance().trusted()).isEqualTo(true);
  }

  @Test
  void shouldReportAnIssueWhoseEventsNeverAppliedTheLabel() throws Exception {
    fixture
        .github()
        .json("GET", eventsPath(8), page(labeled("kind/bug", "alice", "2024-02-01T10:00:00Z")));

    List<Advisory> warned = fixture.run(LabelPolicy.WARN, ALICE, advisory(8, UPDATED));

    assertThat(warned).singleElement().extracting(Advisory::labelProvenance).isNull();
    assertThat(fixture.diagnostics)
        .singleElement()
        .extracting(Diagnostic::kind)
        .isEqualTo(LabelProvenanceCheck.UNKNOWN);
  }
}
