package io.k8s.cvefeed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8s.cvefeed.github.FakeGitHub;
import io.k8s.cvefeed.publish.Manifest;
import io.k8s.cvefeed.render.Artifact;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kills the real CLI with SIGKILL at many points of a publish (release A of 20 issues replaced by
 * release B of 60, every format), then reads the directory as a consumer does: every manifest entry
 * present with its SHA-256, the feed's ids equal to the manifest's. The points are driven by the
 * publisher's test hook, which stops the process after its Nth file-system step ({@link
 * KillableRefresh}); a few kills come at random times instead. The run after each kill must leave
 * release B whole.
 */
@Tag("slow")
class PublishCrashIT {

  @TempDir Path temp;
  private FakeGitHub github;
  private KillableRefresh cli;
  private volatile String issues = "[]";

  @BeforeEach
  void startFakeGitHub() throws IOException {
    github = FakeGitHub.start();
    github.route("/repos/kubernetes/kubernetes/issues", ex -> FakeGitHub.send(ex, 200, issues));
    cli = new KillableRefresh(github.base(), temp);
  }

  @AfterEach
  void stop() {
    github.close();
  }

  private static String issues(int count) {
    List<String> list = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      list.add(
          """
          {"number":%d,"title":"CVE-2025-%d: Something in kubelet","body":"Details\\r\\nmore",\
          "state":"open","state_reason":null,\
          "html_url":"https://github.com/kubernetes/kubernetes/issues/%d",\
          "created_at":"2025-01-01T00:00:00Z","updated_at":"2025-02-01T00:00:00Z",\
          "closed_at":null,"labels":[{"name":"official-cve-feed"}],"user":{"login":"src"}}"""
              .formatted(1000 + i, 10000 + i, 1000 + i));
    }
    return "[" + String.join(",", list) + "]";
  }

  /** Release A in a fresh directory, the fake switched to B's issues. */
  private Path releaseA(String name) {
    Path out = temp.resolve(name);
    issues = issues(20);
    assertThat(cli.inProcess(out)).isZero();
    issues = issues(60);
    return out;
  }

  /**
   * Reads {@code out} as a consumer does and returns the manifest's digest; fails on a mix: a
   * listed file missing or differing from its SHA-256, or the feed's ids not the manifest's.
   */
  static String wholeRelease(Path out) throws Exception {
    Manifest m =
        Manifest.parse(Files.readAllBytes(out.resolve(Manifest.PATH)), out + "/manifest.json");
    m.files()
        .forEach(
            (path, entry) -> {
              try {
                byte[] bytes = Files.readAllBytes(out.resolve(path));
                assertThat(Artifact.sha256Hex(bytes)).as(path).isEqualTo(entry.sha256());
              } catch (IOException e) {
                throw new AssertionError(out + ": " + path + " unreadable: " + e, e);
              }
            });
    JsonNode feed =
        JsonMapper.builder()
            .build()
            .readTree(Files.readAllBytes(out.resolve("official-cve-feed.json")));
    Set<String> ids = new HashSet<>();
    feed.path("items").forEach(i -> ids.add(i.path("id").asString()));
    assertThat(ids).containsExactlyInAnyOrderElementsOf(m.items());
    return m.digest();
  }

  private static boolean noStaging(Path out) throws IOException {
    Path releases = out.resolve(".releases");
    if (!Files.isDirectory(releases)) {
      return true;
    }
    try (Stream<Path> list = Files.list(releases)) {
      return list.noneMatch(p -> p.getFileName().toString().endsWith(".staging"));
    }
  }

  @Test
  void shouldLeaveOneWholeReleaseWhereverTheProcessIsKilled() throws Exception {
    int tried = 0;
    int steps = cli.steps(releaseA("count"));
    for (int step : KillableRefresh.points(steps)) {
      Path out = releaseA("kill-" + step);
      String a = wholeRelease(out);
      boolean killed = KillableRefresh.killWhenPaused(cli.start(out, step));
      String after = wholeRelease(out);
      assertThat(cli.inProcess(out)).as("the run after a kill at step %d", step).isZero();
      String b = wholeRelease(out);
      assertThat(b).isNotEqualTo(a);
      assertThat(after).isIn(a, b);
      assertThat(noStaging(out)).as("no staging left at step %d", step).isTrue();
      tried++;
      assertThat(killed).as("killed at step %d of %d", step, steps).isTrue();
    }
    System.out.println(
        "fault matrix: kill -9 after file step N of "
            + steps
            + ": "
            + tried
            + " points, all whole");
    assertThat(tried).isGreaterThan(8);
  }

  @Test
  void shouldLeaveOneWholeReleaseWhenKilledAtRandomTimes() throws Exception {
    Random random = new Random(14);
    for (int i = 0; i < 2; i++) {
      Path out = releaseA("random-" + i);
      Process p = cli.start(out, 0);
      p.waitFor(300 + random.nextInt(1500), TimeUnit.MILLISECONDS);
      p.destroyForcibly();
      p.waitFor(30, TimeUnit.SECONDS);
      wholeRelease(out);
      assertThat(cli.inProcess(out)).isZero();
      wholeRelease(out);
    }
  }

  /** A directory as cvefeed wrote it before release directories: the files themselves. */
  private static void flatten(Path out) throws IOException {
    Path release = out.resolve(".current").toRealPath();
    List<Path> links;
    try (Stream<Path> walk = Files.walk(out)) {
      links = walk.filter(Files::isSymbolicLink).toList();
    }
    for (Path link : links) {
      if (!link.getFileName().toString().startsWith(".")) {
        Path source = release.resolve(out.relativize(link).toString());
        Files.delete(link);
        Files.copy(source, link);
      }
    }
    Files.delete(out.resolve(".current"));
    try (Stream<Path> walk = Files.walk(out.resolve(".releases"))) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Test
  void shouldUpgradeAFlatDirectoryWithoutAMixWhereverTheProcessIsKilled() throws Exception {
    Path counted = releaseA("flat-count");
    flatten(counted);
    int steps = cli.steps(counted);
    int[] points = {1, steps / 3, steps * 2 / 3, steps - 2};
    for (int step : points) {
      Path out = releaseA("flat-" + step);
      flatten(out);
      String a = wholeRelease(out);
      boolean killed = KillableRefresh.killWhenPaused(cli.start(out, step));
      assertThat(wholeRelease(out)).isIn(a, wholeRelease(out));
      assertThat(cli.inProcess(out)).isZero();
      assertThat(wholeRelease(out)).isNotEqualTo(a);
      assertThat(Files.isSymbolicLink(out.resolve(".current"))).isTrue();
      assertThat(killed).isTrue();
    }
  }
}
