package io.k8s.cvefeed.refresh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.k8s.cvefeed.extract.Diagnostic;
import io.k8s.cvefeed.extract.Extraction;
import io.k8s.cvefeed.model.Advisory;
import io.k8s.cvefeed.model.CveId;
import io.k8s.cvefeed.model.Feed;
import io.k8s.cvefeed.model.FeedInfo;
import io.k8s.cvefeed.model.FeedItem;
import io.k8s.cvefeed.model.Status;
import io.k8s.cvefeed.publish.DirectoryPublisher;
import io.k8s.cvefeed.publish.Manifest;
import io.k8s.cvefeed.render.Artifact;
import io.k8s.cvefeed.source.FetchResult;
import io.k8s.cvefeed.source.IssueSource;
import io.k8s.cvefeed.source.RawIssue;
import io.k8s.cvefeed.source.SourceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
    clock.advanceSeconds(7200);

    RefreshReport report = refresher(false).refresh();

    assertThat(report.targets().get(0).outcome()).isEqualTo(TargetResult.Outcome.UNCHANGED);
    assertThat(report.targets().get(0).written()).isZero();
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void shouldStampUpdatedAtWithTheTimeTheContentChanged() throws Exception {
    addIssue(1, "CVE-2024-0001: one");
    refresher(false).refresh();
    clock.advanceSeconds(3600);
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
    clock.advanceSeconds(60);
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

  @Test
  void shouldNotRenderAgainWhenTheSameRefresherSeesTheSameIssues() throws Exception {
    addIssue(1, "CVE-2024-0001: one");
    java.util.concurrent.atomic.AtomicInteger renders =
        new java.util.concurrent.atomic.AtomicInteger();
    Refresher r =
        Refresher.builder()
            .source(source)
            .extractor(RefresherTest::extract)
            .renderer(
                feed -> {
                  renders.incrementAndGet();
                  return render(feed);
                })
            .publishers(List.of(new DirectoryPublisher(out)))
            .clock(clock)
            .build();
    r.refresh();
    int afterFirst = renders.get();

    RefreshReport unchanged = r.refresh();
    addIssue(2, "CVE-2024-0002: two");
    RefreshReport changed = r.refresh();

    assertThat(afterFirst).isEqualTo(2); // digest render + release render
    assertThat(unchanged.targets().get(0).outcome()).isEqualTo(TargetResult.Outcome.UNCHANGED);
    assertThat(renders.get()).isEqualTo(4); // nothing for the unchanged refresh
    assertThat(changed.items()).isEqualTo(2);
  }

  @Test
  void shouldReRenderOnlyTheStampedFormatsForARelease() throws Exception {
    addIssue(1, "CVE-2024-0001: one");
    java.util.concurrent.atomic.AtomicInteger fullRenders =
        new java.util.concurrent.atomic.AtomicInteger();
    Refresher r =
        Refresher.builder()
            .source(source)
            .extractor(RefresherTest::extract)
            .renderer(
                feed -> {
                  fullRenders.incrementAndGet();
                  return render(feed);
                })
            .restamper(
                (feed, previous) ->
                    render(feed).stream().filter(a -> a.path().equals("index.txt")).toList())
            .publishers(List.of(new DirectoryPublisher(out)))
            .clock(clock)
            .build();

    r.refresh();

    assertThat(fullRenders.get()).isEqualTo(1);
    assertThat(Files.readString(out.resolve("index.txt")))
        .startsWith("updated 2026-01-01T00:00:00Z");
    assertThat(out.resolve("items/CVE-2024-0001.txt")).hasContent("one");
    assertThat(new DirectoryPublisher(out).published().files())
        .containsOnlyKeys("index.txt", "items/CVE-2024-0001.txt");
  }

  private Refresher.Builder stampingBuilder(
      java.util.concurrent.atomic.AtomicInteger restamps, boolean failing) {
    return builder()
        .restamper(
            (feed, previous) -> {
              restamps.incrementAndGet();
              if (failing) {
                throw new IllegalStateException("restamp bug");
              }
              return render(feed).stream().filter(a -> a.path().equals("index.txt")).toList();
            })
        .speculate(true);
  }

  @Test
  void shouldPublishTheSameReleaseWhenStampingAhead() throws Exception {
    addIssue(1, "CVE-2024-0001: one");
    addIssue(2, "CVE-2024-0002: two");
    java.util.concurrent.atomic.AtomicInteger restamps =
        new java.util.concurrent.atomic.AtomicInteger();
    Path plain = Files.createDirectories(out.resolveSibling(out.getFileName() + "-plain"));

    stampingBuilder(restamps, false).build().refresh();
    builder().publishers(List.of(new DirectoryPublisher(plain))).build().refresh();

    assertThat(restamps.get()).isEqualTo(1);
    assertThat(out.resolve("index.txt")).hasSameTextualContentAs(plain.resolve("index.txt"));
    assertThat(Files.readString(out.resolve("index.txt")))
        .startsWith("updated 2026-01-01T00:00:00Z");
    assertThat(new DirectoryPublisher(out).published())
        .isEqualTo(new DirectoryPublisher(plain).published());
  }

  @Test
  void shouldWriteNothingWhenStampedAheadButUnchanged() throws Exception {
    addIssue(1, "CVE-2024-0001: one");
    java.util.concurrent.atomic.AtomicInteger restamps =
        new java.util.concurrent.atomic.AtomicInteger();
    stampingBuilder(restamps, false).build().refresh();
    Map<String, FileTime> before = snapshot();
    clock.advanceSeconds(3600);

    RefreshReport again = stampingBuilder(restamps, false).build().refresh();

    assertThat(again.targets().get(0).outcome()).isEqualTo(TargetResult.Outcome.UNCHANGED);
    assertThat(snapshot()).isEqualTo(before);
    assertThat(Files.readString(out.resolve("index.txt")))
        .startsWith("updated 2026-01-01T00:00:00Z");
  }

  @Test
  void shouldNotStampAheadWhenEveryPageAnswered304() throws Exception {
    addIssue(1, "CVE-2024-0001: one");
    java.util.concurrent.atomic.AtomicInteger restamps =
        new java.util.concurrent.atomic.AtomicInteger();
    stampingBuilder(restamps, false).build().refresh();
    source = () -> new FetchResult(issues, 1, 1, 1, 4999);

    RefreshReport again = stampingBuilder(restamps, false).build().refresh();

    assertThat(again.targets().get(0).outcome()).isEqualTo(TargetResult.Outcome.UNCHANGED);
    assertThat(restamps.get()).isEqualTo(1); // the first refresh's only
  }

  @Test
  void shouldFallBackToTheUsualStampWhenStampingAheadFails() throws Exception {
    addIssue(1, "CVE-2024-0001: one");
    java.util.concurrent.atomic.AtomicInteger restamps =
        new java.util.concurrent.atomic.AtomicInteger();

    assertThatThrownBy(() -> stampingBuilder(restamps, true).build().refresh())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("restamp bug");
    assertThat(restamps.get()).isEqualTo(2); // ahead, then again the usual way
    assertThat(out.resolve(Manifest.PATH)).doesNotExist();
  }

  /** A clock the test moves by hand. */
  static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advanceSeconds(long seconds) {
      now = now.plusSeconds(seconds);
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
