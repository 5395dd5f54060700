package io.k8s.cvefeed.refresh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.k8s.cvefeed.extract.Diagnostic;
import io.k8s.cvefeed.extract.Extraction;
import io.k8s.cvefeed.github.FetchResult;
import io.k8s.cvefeed.github.IssueSource;
import io.k8s.cvefeed.github.RawIssue;
import io.k8s.cvefeed.github.SourceException;
import io.k8s.cvefeed.model.Advisory;
import io.k8s.cvefeed.model.CveId;
import io.k8s.cvefeed.model.Feed;
import io.k8s.cvefeed.model.FeedInfo;
import io.k8s.cvefeed.model.FeedItem;
import io.k8s.cvefeed.model.Status;
import io.k8s.cvefeed.publish.DirectoryPublisher;
import io.k8s.cvefeed.publish.Manifest;
import io.k8s.cvefeed.render.Artifact;
import io.k8s.cvefeed.testing.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RefresherTest {
  @TempDir Path out;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final List<RawIssue> issues = new ArrayList<>();
  private IssueSource source = () -> new FetchResult(issues, 1, 1, 0, 4999);

  /** Title {@code CVE-…: summary} → one advisory; anything else is skipped with a diagnostic. */
  private static Extraction extract(RawIssue issue) {
    String[] parts = issue.title().split(": ", 2);
    if (!parts[0].startsWith("CVE-")) {
      return new Extraction(
          null, List.of(new Diagnostic(issue.number(), "title.no-cve-id", "no id", true)));
    }
    List<CveId> ids = Stream.of(parts[0].split(", ")).map(CveId::of).toList();
    Advisory a =
        Advisory.basic(
            issue.number(),
            ids,
            parts[1],
            issue.htmlUrl(),
            "",
            issue.createdAt(),
            issue.updatedAt(),
            Status.FIXED);
    return new Extraction(a, List.of());
  }

  /** One index file that carries the refresh time, and one file per item. */
  private static List<Artifact> render(Feed feed) {
    List<Artifact> out = new ArrayList<>();
    StringBuilder index = new StringBuilder("updated " + feed.updatedAt() + "\n");
    for (FeedItem item : feed.items()) {
      index.append(item.id()).append(' ').append(item.advisory().summary()).append('\n');
      out.add(
          Artifact.utf8("items/" + item.id() + ".txt", "text/plain", item.advisory().summary()));
    }
    out.add(Artifact.utf8("index.txt", "text/plain", index.toString()));
    return out;
  }

  private Refresher refresher(boolean allowShrink) {
    return builder().info(FeedInfo.OFFICIAL).allowShrink(allowShrink).build();
  }

  /** The pipeline of these tests, publishing into {@link #out}. */
  private Refresher.Builder builder() {
    return Refresher.builder()
        .source(source)
        .extractor(RefresherTest::extract)
        .renderer(RefresherTest::render)
        .publishers(List.of(new DirectoryPublisher(out)))
        .clock(clock);
  }

  private void addIssue(long number, String title) {
    Instant created = Instant.parse("2024-01-01T00:00:00Z").plusSeconds(number);
    issues.add(
        new RawIssue(
            number,
            title,
            "",
            "closed",
            "completed",
            "https://github.com/kubernetes/kubernetes/issues/" + number,
            created,
            created,
            created,
            List.of("official-cve-feed"),
            "someone"));
  }

  private Map<String, FileTime> snapshot() throws IOException {
    Map<String, FileTime> times = new TreeMap<>();
    try (Stream<Path> files = Files.walk(out)) {
      // what readers see: the published paths, not the release directories behind them
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        if (out.relativize(p).toString().startsWith(".")) {
          continue;
        }
        times.put(out.relativize(p).toString(), Files.getLastModifiedTime(p));
      }
    }
    return times;
  }

  @Test
  void shouldPublishEveryArtifactAndManifestOnFirstRefresh() throws Exception {
    addIssue(1, "CVE-2024-0001: one");
    addIssue(2, "CVE-2024-0002, CVE-2024-0003: two");

    RefreshReport report = refresher(false).refresh();

    assertThat(report.items()).isEqualTo(3);
    assertThat(report.targets())
        .singleElement()
        .extracting(TargetResult::outcome)
        .isEqualTo(TargetResult.Outcome.PUBLISHED);
    Manifest manifest = new DirectoryPublisher(out).published();
    assertThat(manifest).isNotNull();
    assertThat(manifest.items()).containsExactly("CVE-2024-0002", "CVE-2024-0003", "CVE-2024-0001");
    assertThat(manifest.files())
        .containsOnlyKeys(
            "index.txt",
            "items/CVE-2024-0001.txt",
            "items/CVE-2024-0002.txt",
            "items/CVE-2024-0003.txt");
    assertThat(Files.readString(out.resolve("index.txt")))
        .startsWith("updated 2026-01-01T00:00:00Z");
    assertThat(manifest.files().get("index.txt").sha256())
        .isEqualTo(Artifact.sha256Hex(Files.readAllBytes(out.resolve("index.txt"))));
  }

  @Test
  void shouldSkipPublishWhenDigestUnchanged() throws Exception {
    addIssue(1, "CVE-2024-0001: one");
    refresher(false).refresh();
    Files.setLastModifiedTime(out.resolve(Manifest.PATH), FileTime.from(Instant.EPOCH));
    Map<String, FileTime> before = snapshot();
    clock.advance(java.time.Duration.ofSeconds(7200));

    RefreshReport report = refresher(false).refresh();

    assertThat(report.targets().get(0).outcome()).isEqualTo(TargetResult.Outcome.UNCHANGED);
    assertThat(report.targets().get(0).written()).isZero();
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void shouldStampUpdatedAtWithTheTimeTheContentChanged() throws Exception {
    addIssue(1, "CVE-2024-0001: one");
    refresher(false).refresh();
    clock.advance(java.time.Duration.ofHours(1));
    addIssue(2, "CVE-2024-0002: two");

    RefreshReport report = refresher(false).refresh();

    assertThat(report.targets().get(0).outcome()).isEqualTo(TargetResult.Outcome.PUBLISHED);
    assertThat(new DirectoryPublisher(out).published().updatedAt())
        .isEqualTo(Instant.parse("2026-01-01T01:00:00Z"));
    assertThat(Files.readString(out.resolve("index.txt")))
        .startsWith("updated 2026-01-01T01:00:00Z");
  }

  @Test
  void shouldRemoveArtifactsThatLeftTheFeed() throws Exception {
    addIssue(1, "CVE-2024-0001: one");
    addIssue(2, "CVE-2024-0002: two");
    refresher(false).refresh();
    issues.remove(1);

    RefreshReport report = refresher(true).refresh();

    assertThat(report.targets().get(0).removed()).isEqualTo(1);
    assertThat(out.resolve("items/CVE-2024-0002.txt")).doesNotExist();
    assertThat(out.resolve("items/CVE-2024-0001.txt")).exists();
  }

  @Test
  void shouldRefuseToPublishAFeedThatShrankAndNameTheMissingIds() throws Exception {
    for (int i = 1; i <= 20; i++) {
      addIssue(i, String.format("CVE-2024-%04d: issue %d", i, i));
    }
    refresher(false).refresh();
    Map<String, FileTime> before = snapshot();
    issues.subList(0, 3).clear();

    RefreshReport report = refresher(false).refresh();

    TargetResult t = report.targets().get(0);
    assertThat(t.outcome()).isEqualTo(TargetResult.Outcome.REFUSED);
    assertThat(t.error()).contains("CVE-2024-0001, CVE-2024-0002, CVE-2024-0003", "--allow-shrink");
    assertThat(report.anyFailed()).isTrue();
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void shouldPublishAShrunkFeedWhenAllowed() throws Exception {
    for (int i = 1; i <= 20; i++) {
      addIssue(i, String.format("CVE-2024-%04d: issue %d", i, i));
    }
    refresher(false).refresh();
    issues.subList(0, 10).clear();

    RefreshReport report = refresher(true).refresh();

    assertThat(report.targets().get(0).outcome()).isEqualTo(TargetResult.Outcome.PUBLISHED);
    assertThat(new DirectoryPublisher(out).published().items()).hasSize(10);
  }

  @Test
  void shouldAllowASmallShrink() throws Exception {
    for (int i = 1; i <= 20; i++) {
      addIssue(i, String.format("CVE-2024-%04d: issue %d", i, i));
    }
    refresher(false).refresh();
    issues.remove(0);

    assertThat(refresher(false).refresh().targets().get(0).outcome())
        .isEqualTo(TargetResult.Outcome.PUBLISHED);
  }

  @Test
  void shouldWriteNothingWhenTheSourceFails() throws Exception {
    addIssue(1, "CVE-2024-0001: one");
    refresher(false).refresh();
    Map<String, FileTime> before = snapshot();
    addIssue(2, "CVE-2024-0002: two");
    source =
        () -> {
          throw new SourceException("https://api.github.com/...: 502 Bad Gateway");
        };

    assertThatThrownBy(() -> refresher(false).refresh()).isInstanceOf(SourceException.class);
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void shouldCountSkippedIssuesAndKeepGoing() throws Exception {
    addIssue(1, "CVE-2024-0001: one");
    addIssue(2, "Placeholder issue");

    RefreshReport report = refresher(false).refresh();

    assertThat(report.skipped()).isEqualTo(1);
    assertThat(report.items()).isEqualTo(1);
    assertThat(report.diagnostics()).extracting(Diagnostic::issueNumber).containsExactly(2L);
  }

  @Test
  void shouldKeepADuplicatedIdOnTheFirstIssueOnly() throws Exception {
    addIssue(10, "CVE-2024-0001: the announcement");
    addIssue(20, "CVE-2024-0001, CVE-2024-0002: a later issue");
    addIssue(30, "CVE-2024-0001: a copy");

    RefreshReport report = refresher(false).refresh();

    assertThat(new DirectoryPublisher(out).published().items())
        .containsExactly("CVE-2024-0002", "CVE-2024-0001");
    assertThat(report.diagnostics())
        .extracting(Diagnostic::issueNumber, Diagnostic::kind, Diagnostic::skipsIssue)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(20L, "feed.duplicate-id", false),
            org.assertj.core.groups.Tuple.tuple(30L, "feed.duplicate-id", true));
    assertThat(report.skipped()).isEqualTo(1);
  }

  @Test
  void shouldPublishExtrasAndSignatureButKeepThemOutOfTheDigest() throws Exception {
    addIssue(1, "CVE-2024-0001: one");
    List<RefreshReport> heard = new ArrayList<>();
    Refresher.Builder b =
        builder()
            .extras(
                (feed, rendered, now, primary) ->
                    List.of(Artifact.utf8("changes.txt", "text/plain", "at " + now)))
            .signer(m -> new Artifact("manifest.json.sig", "application/octet-stream", m.bytes()))
            .listener(heard::add);

    RefreshReport first = b.build().refresh();
    clock.advance(java.time.Duration.ofSeconds(60));
    RefreshReport second = b.build().refresh();

    Manifest manifest = new DirectoryPublisher(out).published();
    assertThat(manifest.files()).containsKey("changes.txt").doesNotContainKey("manifest.json.sig");
    assertThat(Files.readAllBytes(out.resolve("manifest.json.sig")))
        .isEqualTo(Files.readAllBytes(out.resolve("manifest.json")));
    assertThat(second.digest()).isEqualTo(first.digest());
    assertThat(second.targets().get(0).outcome()).isEqualTo(TargetResult.Outcome.UNCHANGED);
    assertThat(heard).containsExactly(first, second);
  }

  @Test
  void shouldLeaveOutWhatTheCheckRejects() throws Exception {
    addIssue(1, "CVE-2024-0001: one");
    addIssue(2, "CVE-2024-0002: two");
    Refresher r =
        builder()
            .check(
                (advisories, diagnostics) -> {
                  diagnostics.add(
                      new Diagnostic(2, "label.untrusted", "labelled by mallory", true));
                  return advisories.stream().filter(a -> a.issueNumber() != 2).toList();
                })
            .build();

    RefreshReport report = r.refresh();

    assertThat(report.skipped()).isEqualTo(1);
    assertThat(new DirectoryPublisher(out).published().items()).containsExactly("CVE-2024-0001");
  }

  /** Counts extractions and full renders; renders only {@code index.txt} again for a release. */
  private final AtomicInteger extractions = new AtomicInteger();

  private final AtomicInteger renders = new AtomicInteger();

  private Refresher.Builder counting(LastRelease last) {
    return builder()
        .lastRelease(last)
        .extractor(
            issue -> {
              extractions.incrementAndGet();
              return extract(issue);
            })
        .renderer(
            new FeedRenderer() {
              @Override
              public List<Artifact> render(Feed feed) {
                renders.incrementAndGet();
                return RefresherTest.render(feed);
              }

              @Override
              public List<Artifact> renderStamped(Feed feed) {
                return RefresherTest.render(feed).stream()
                    .filter(a -> a.path().equals("index.txt"))
                    .toList();
              }
            });
  }

  @Test
  void shouldNeitherExtractNorRenderWhenTheInputsAreTheLastRefreshs() throws Exception {
    addIssue(1, "CVE-2024-0001: one");
    addIssue(2, "no id here");
    Refresher r = counting(LastRelease.inMemory()).build();
    RefreshReport first = r.refresh();
    Map<String, FileTime> before = snapshot();

    RefreshReport again = r.refresh();

    assertThat(extractions.get()).isEqualTo(2);
    assertThat(renders.get()).isEqualTo(1);
    assertThat(again.targets().get(0).outcome()).isEqualTo(TargetResult.Outcome.UNCHANGED);
    assertThat(again.phases().extract()).isZero();
    assertThat(again.phases().render()).isZero();
    assertThat(snapshot()).isEqualTo(before);
    // The report still tells what the feed holds and which issue it skips.
    assertThat(again.items()).isEqualTo(first.items()).isEqualTo(1);
    assertThat(again.skipped()).isEqualTo(1);
    assertThat(again.diagnostics()).isEqualTo(first.diagnostics());
    assertThat(again.digest()).isEqualTo(first.digest());
  }

  @Test
  void shouldExtractAgainWhenAnIssueChanged() throws Exception {
    addIssue(1, "CVE-2024-0001: one");
    Refresher r = counting(LastRelease.inMemory()).build();
    r.refresh();
    RawIssue old = issues.remove(0);
    issues.add(
        new RawIssue(
            old.number(),
            old.title(),
            "edited body",
            old.state(),
            old.stateReason(),
            old.htmlUrl(),
            old.createdAt(),
            old.updatedAt().plusSeconds(60),
            old.closedAt(),
            old.labels(),
            old.author()));

    RefreshReport again = r.refresh();

    assertThat(extractions.get()).isEqualTo(2);
    assertThat(renders.get()).isEqualTo(2);
    // The body is not in this test's rendering: same content, nothing written.
    assertThat(again.targets().get(0).outcome()).isEqualTo(TargetResult.Outcome.UNCHANGED);
  }

  @Test
  void shouldRenderAgainWhenTheTargetNoLongerHoldsWhatTheInputsGave() throws Exception {
    addIssue(1, "CVE-2024-0001: one");
    LastRelease last = LastRelease.inMemory();
    counting(last).build().refresh();
    // Someone else published another feed to the target meanwhile.
    addIssue(2, "CVE-2024-0002: two");
    builder().build().refresh();
    issues.remove(1);

    RefreshReport again = counting(last).allowShrink(true).build().refresh();

    assertThat(renders.get()).isEqualTo(2);
    assertThat(again.targets().get(0).outcome()).isEqualTo(TargetResult.Outcome.PUBLISHED);
    assertThat(new DirectoryPublisher(out).published().items()).containsExactly("CVE-2024-0001");
  }

  @Test
  void shouldRenderAgainWhenTheSaltChanged() throws Exception {
    addIssue(1, "CVE-2024-0001: one");
    LastRelease last = LastRelease.inMemory();
    counting(last).inputsSalt("formats [JSON]").build().refresh();

    counting(last).inputsSalt("formats [JSON, OSV]").build().refresh();

    assertThat(renders.get()).isEqualTo(2);
  }

  @Test
  void shouldRememberTheInputsInAFileAcrossProcesses() throws Exception {
    addIssue(1, "CVE-2024-0001: one");
    Path file = out.resolveSibling(out.getFileName() + "-cache").resolve("last-release.json");
    counting(LastRelease.inFile(file)).build().refresh();

    RefreshReport again = counting(LastRelease.inFile(file)).build().refresh();

    assertThat(renders.get()).isEqualTo(1);
    assertThat(again.items()).isEqualTo(1);
    assertThat(file).exists();
  }

  @Test
  void shouldRefreshInFullWhenTheRecordIsUnreadable() throws Exception {
    addIssue(1, "CVE-2024-0001: one");
    Path file = out.resolveSibling(out.getFileName() + "-bad").resolve("last-release.json");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "{\"schema\": 1, \"inputs\": ");

    RefreshReport report = counting(LastRelease.inFile(file)).build().refresh();

    assertThat(report.targets().get(0).outcome()).isEqualTo(TargetResult.Outcome.PUBLISHED);
    assertThat(LastRelease.inFile(file).read()).isNotNull();
  }

  @Test
  void shouldNotRememberInputsATargetRefused() throws Exception {
    for (int i = 1; i <= 20; i++) {
      addIssue(i, String.format("CVE-2024-%04d: item", i));
    }
    LastRelease last = LastRelease.inMemory();
    counting(last).build().refresh();
    String recorded = last.read().inputs();
    issues.subList(0, 10).clear();

    RefreshReport refused = counting(last).build().refresh();

    assertThat(refused.targets().get(0).outcome()).isEqualTo(TargetResult.Outcome.REFUSED);
    assertThat(last.read().inputs()).isEqualTo(recorded);
    RefreshReport again = counting(last).build().refresh();
    assertThat(again.targets().get(0).outcome()).isEqualTo(TargetResult.Outcome.REFUSED);
  }

  @Test
  void shouldRefreshInFullWhenAnExtraInputChangedAndRecordWhatTheSnapshotRead() throws Exception {
    addIssue(1, "CVE-2024-0001: one");
    // A cache that the check step fills, as the CVE record source does on its first run.
    String[] cache = {"empty"};
    LastRelease last = LastRelease.inMemory();
    Refresher r =
        counting(last)
            .extraInputs(now -> cache[0])
            .check(
                (advisories, diagnostics) -> {
                  cache[0] = "records v1";
                  return advisories;
                })
            .build();
    r.refresh();

    r.refresh(); // the cache the first run filled is what it recorded: nothing to do
    assertThat(renders.get()).isEqualTo(1);

    cache[0] = "records v2"; // a record was fetched anew elsewhere
    r.refresh();
    assertThat(renders.get()).isEqualTo(2);
  }

  @Test
  void shouldReRenderOnlyTheStampedFormatsForARelease() throws Exception {
    addIssue(1, "CVE-2024-0001: one");

    counting(LastRelease.inMemory()).build().refresh();

    assertThat(renders.get()).isEqualTo(1);
    assertThat(Files.readString(out.resolve("index.txt")))
        .startsWith("updated 2026-01-01T00:00:00Z");
    assertThat(out.resolve("items/CVE-2024-0001.txt")).hasContent("one");
    assertThat(new DirectoryPublisher(out).published().files())
        .containsOnlyKeys("index.txt", "items/CVE-2024-0001.txt");
  }
}
