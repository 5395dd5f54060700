package io.k8s.cvefeed.integrity;

import static io.k8s.cvefeed.integrity.GitHubEvents.FEED;

import io.k8s.cvefeed.extract.Diagnostic;
import io.k8s.cvefeed.github.FakeGitHub;
import io.k8s.cvefeed.github.GitHubClient;
import io.k8s.cvefeed.github.IssueEventsSource;
import io.k8s.cvefeed.github.TeamMembersSource;
import io.k8s.cvefeed.model.Advisory;
import io.k8s.cvefeed.model.CveId;
import io.k8s.cvefeed.model.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the {@code LabelProvenance*IT} classes share: a {@link FakeGitHub} started before and closed
 * after each test, a client on it (no token unless a test sets one), and the diagnostics the check
 * reported. Register it with {@code @RegisterExtension}.
 */
final class ProvenanceFixture implements BeforeEachCallback, AfterEachCallback {
  static final Instant UPDATED = Instant.parse("2024-03-01T00:00:00Z");
  static final TrustedLabelers ALICE = new TrustedLabelers(Set.of("alice"), List.of());

  final List<Diagnostic> diagnostics = new ArrayList<>();
  private FakeGitHub github;
  GitHubClient client;

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    github = FakeGitHub.start();
    client = client(null);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    github.close();
  }

  FakeGitHub github() {
    return github;
  }

  GitHubClient client(String token) {
    return GitHubClient.builder()
        .apiBase(github.base())
        .token(token)
        .maxTries(2)
        .sleeper(d -> {})
        .build();
  }

  static Advisory advisory(long issue, Instant updated) {
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

  LabelProvenanceCheck check(LabelPolicy policy, TrustedLabelers trusted, ProvenanceCache cache) {
    return new LabelProvenanceCheck(
        policy,
        FEED,
        trusted,
        new IssueEventsSource(client, "kubernetes/kubernetes"),
        new TeamMembersSource(client),
        cache);
  }

  /** Runs the check with an in-memory cache over {@code advisories}. */
  List<Advisory> run(LabelPolicy policy, TrustedLabelers trusted, Advisory... advisories)
      throws Exception {
    return check(policy, trusted, ProvenanceCache.inMemory())
        .check(List.of(advisories), diagnostics);
  }
}
