package io.k8s.cvefeed.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8s.cvefeed.publish.DirectoryPublisher;
import io.k8s.cvefeed.publish.Manifest;
import io.k8s.cvefeed.publish.Release;
import io.k8s.cvefeed.publish.ReleaseLayout;
import io.k8s.cvefeed.render.Artifact;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients GET the manifest, the JSON feed and an OSV record while releases are switched under the
 * server: every answer names its release ({@code X-Cvefeed-Release}) and holds exactly the bytes
 * that release's manifest lists, never a file of another release or half a file.
 */
class ReleaseSwitchServingIT {
  private static final String[] PATHS = {
    "/manifest.json", "/official-cve-feed.json", "/osv/CVE-2026-0001.json"
  };
  @TempDir Path temp;

  private record Answer(String path, int status, String release, byte[] body) {}

  private static Release release(int n) {
    List<Artifact> files = new ArrayList<>();
    files.add(
        Artifact.utf8(
            "official-cve-feed.json",
            "application/json",
            "{\"release\":" + n + ",\"pad\":\"" + "x".repeat(20_000 + n) + "\"}"));
    files.add(
        Artifact.utf8(
            "osv/CVE-2026-0001.json",
            "application/json",
            "{\"id\":\"CVE-2026-0001\",\"n\":" + n + "}"));
    return new Release(
        files,
        Manifest.of(
            Manifest.digestOf(files),
            Instant.parse("2026-01-01T00:00:00Z").plusSeconds(n),
            List.of("CVE-2026-0001"),
            files));
  }

  @Test
  void shouldAnswerEveryRequestFromOneWholeReleaseWhileReleasesSwitch() throws Exception {
    Path dir = temp.resolve("feed");
    Map<String, Manifest> releases = new ConcurrentHashMap<>();
    List<String> problems = new ArrayList<>();
    List<Answer> seen = new CopyOnWriteArrayList<>();
    try (ServerHarness h = new ServerHarness(dir, b -> b.fileRecheck(Duration.ZERO))) {
      h.awaitIdle();
      Files.delete(dir.resolve("manifest.json")); // the fake runner's placeholder files
      Files.delete(dir.resolve("official-cve-feed.json"));
      DirectoryPublisher publisher = new DirectoryPublisher(dir);
      publisher.publish(release(0), null);
      releases.put(String.valueOf(ReleaseLayout.currentName(dir)), release(0).manifest());
      AtomicBoolean switching = new AtomicBoolean(true);
      ExecutorService clients = Executors.newFixedThreadPool(4);
      List<Future<Integer>> answers = new ArrayList<>();
      for (int c = 0; c < 4; c++) {
        answers.add(
            clients.submit(
                () -> {
                  int count = 0;
                  while (switching.get() || count < 20) {
                    for (String path : PATHS) {
                      HttpResponse<byte[]> r = h.get(path);
                      seen.add(
                          new Answer(
                              path,
                              r.statusCode(),
                              r.headers().firstValue("X-Cvefeed-Release").orElse("none"),
                              r.body()));
                      count++;
                    }
                  }
                  return count;
                }));
      }
      for (int n = 1; n <= 30; n++) {
        Release next = release(n);
        publisher.publish(next, publisher.published());
        releases.put(String.valueOf(ReleaseLayout.currentName(dir)), next.manifest());
      }
      switching.set(false);
      int total = 0;
      for (Future<Integer> f : answers) {
        total += f.get();
      }
      clients.shutdown();
      for (Answer a : seen) {
        Manifest m = releases.get(a.release());
        String file = a.path().substring(1);
        if (a.status() != 200 || m == null) {
          problems.add(a.path() + ": " + a.status() + " from " + a.release());
        } else if (file.equals(Manifest.PATH)) {
          if (!Manifest.parse(a.body(), a.path()).equals(m)) {
            problems.add(a.path() + ": another release's manifest under " + a.release());
          }
        } else if (!Artifact.sha256Hex(a.body()).equals(m.files().get(file).sha256())) {
          problems.add(a.path() + ": bytes not of release " + a.release());
        }
      }
      assertThat(problems).isEmpty();
      assertThat(releases.keySet()).hasSizeGreaterThan(20);
      assertThat(total).isGreaterThan(60);
    }
  }
}
