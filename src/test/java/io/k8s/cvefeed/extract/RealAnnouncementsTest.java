package io.k8s.cvefeed.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.k8s.cvefeed.github.RawIssue;
import io.k8s.cvefeed.model.Advisory;
import io.k8s.cvefeed.model.AffectedRange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The extractor over every real announcement in shared/data/k8s-issues: the stored bodies, plus the
 * later feed text of issues whose stored copy is a placeholder (read under a title made from the
 * corpus id, since the real later title is not known).
 */
class RealAnnouncementsTest {
  /** A body "states a vector" when it carries a CVSS v3/v4 prefix outside a link target. */
  private static final Pattern STATES_VECTOR = Pattern.compile("(?<![#\\w])CVSS:[34]\\.\\d/");

  /** A body "has an Affected Versions section" when a heading line names one. */
  private static final Pattern AFFECTED_HEADING =
      Pattern.compile(
          "(?im)^\\s*(?:#+\\s*|\\*\\*)?(?:affected|vulnerable) versions\\b.*$"
              + "|^\\s*\\*\\*what versions are affected");

  private static final Path GOLDEN =
      Path.of("src/test/resources/golden/extract/real-announcements.txt");

  /**
   * What the extractor reads from every real body, one block per issue, compared with a reviewed
   * golden file; {@code -Dgolden.update=true} rewrites it. Review its diff as code.
   */
  @Test
  void shouldReadRealBodiesAsReviewed() throws Exception {
    assumeTrue(Files.isRegularFile(RealIssues.issuesFile()), "shared data absent");
    Extractor extractor = new Extractor();
    StringBuilder out = new StringBuilder();
    for (RawIssue issue : bodies()) {
      Extraction e = extractor.extract(issue);
      out.append(describe(e.advisory())).append('\n');
      e.diagnostics().forEach(d -> out.append("  ! ").append(d.kind()).append('\n'));
    }
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(GOLDEN.getParent());
      Files.writeString(GOLDEN, out.toString());
    }
    assertThat(GOLDEN).as("golden file; rerun with -Dgolden.update=true").exists();
    assertThat(Files.readString(GOLDEN))
        .as("extraction of real bodies changed; review, then rerun with -Dgolden.update=true")
        .isEqualTo(out.toString());
  }

  private static String describe(Advisory a) {
    StringBuilder s = new StringBuilder();
    s.append('#').append(a.issueNumber()).append(' ').append(a.ids()).append(' ');
    s.append(a.detailSource().wireName());
    if (a.cvss() != null) {
      s.append(' ').append(a.cvss().vector()).append(' ').append(a.cvss().score());
      s.append(' ').append(a.cvss().severity().displayName());
    }
    for (AffectedRange r : a.affected()) {
      s.append("\n  ").append(r.component());
      r.events()
          .forEach(
              ev -> s.append(' ').append(ev.kind().osvName()).append('=').append(ev.version()));
    }
    return s.toString();
  }

  @Test
  void shouldScoreEveryStatedVectorAndRangeEveryAffectedSection() throws Exception {
    assumeTrue(Files.isRegularFile(RealIssues.issuesFile()), "shared data absent");
    Extractor extractor = new Extractor();
    Map<String, Integer> kinds = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    int withVector = 0;
    int withSection = 0;
    for (RawIssue issue : bodies()) {
      Extraction e = extractor.extract(issue);
      e.diagnostics().forEach(d -> kinds.merge(d.kind(), 1, Integer::sum));
      e.diagnostics().forEach(d -> System.out.println("  " + d));
      Advisory a = e.advisory();
      assertThat(a).as("#%d is read", issue.number()).isNotNull();
      String body = issue.body() == null ? "" : issue.body();
      if (STATES_VECTOR.matcher(body).find()) {
        withVector++;
        if (a.cvss() == null) {
          failures.add("#" + issue.number() + " states a vector but got no score");
        }
      }
      if (AFFECTED_HEADING.matcher(body).find()) {
        withSection++;
        if (a.affected().isEmpty()) {
          failures.add("#" + issue.number() + " has Affected Versions but got no range");
        }
      }
    }
    System.out.println("diagnostics per kind: " + kinds);
    System.out.println(withVector + " bodies state a vector, " + withSection + " have a section");
    assertThat(failures).isEmpty();
    assertThat(withVector).isGreaterThan(40);
    assertThat(withSection).isGreaterThan(30);
  }

  static List<RawIssue> bodies() throws Exception {
    List<RawIssue> issues = new ArrayList<>();
    for (RealIssues.Entry entry : RealIssues.load()) {
      RawIssue i = entry.issue();
      if (entry.corpus().has("later_feed_version")) {
        String later = entry.corpus().path("later_feed_version").path("body").asString();
        issues.add(retitled(i, entry.corpusIds().get(0) + ": (later feed text)", later));
      } else {
        issues.add(i);
      }
    }
    return issues;
  }

  private static RawIssue retitled(RawIssue i, String title, String body) {
    return new RawIssue(
        i.number(),
        title,
        body,
        i.state(),
        i.stateReason(),
        i.htmlUrl(),
        i.createdAt(),
        i.updatedAt(),
        i.closedAt(),
        i.labels(),
        i.author());
  }
}
