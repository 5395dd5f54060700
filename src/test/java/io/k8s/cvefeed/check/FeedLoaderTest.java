package io.k8s.cvefeed.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.k8s.cvefeed.model.Severity;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedLoaderTest {
  @TempDir Path tmp;

  private static void copyDir(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.toList()) {
        Files.copy(f, to.resolve(f.getFileName().toString()));
      }
    }
  }

  @Test
  void shouldReadEveryRecordOfAnOsvDirectoryButTheWithdrawnOne() throws Exception {
    List<Vulnerability> all = FeedLoader.load(CheckFixtures.osvDir().toString());

    assertThat(all)
        .extracting(Vulnerability::id)
        .containsExactly(
            "CVE-2026-0101", "CVE-2026-0102", "CVE-2026-0103", "CVE-2026-0104", "CVE-2026-0105");
    Vulnerability legacy = all.get(4);
    assertThat(legacy.severity()).as("scored from the vector").isEqualTo(Severity.CRITICAL);
    assertThat(legacy.score()).isEqualTo(9.8);
    assertThat(legacy.status()).isEqualTo("unknown");
    assertThat(legacy.affected().get(0).events().get(0).version()).isEqualTo("1.30.0");
    assertThat(all.get(0).url())
        .isEqualTo("https://github.com/kubernetes/kubernetes/issues/900101");
  }

  @Test
  void shouldReadTheComponentWhateverTheRecordNamesThePackage() throws Exception {
    List<Vulnerability> all = FeedLoader.load(CheckFixtures.osvDir().toString());

    // Go module + ecosystem_specific (ours now), component name (ours before), module only (legacy)
    assertThat(all.get(0).affected())
        .extracting(r -> r.component() + " " + r.module())
        .containsOnly("kube-apiserver k8s.io/apiserver");
    assertThat(all.get(1).affected().get(0).component()).isEqualTo("kubelet");
    assertThat(all.get(4).affected().get(0).component()).isEqualTo("kubernetes");
  }

  @Test
  void shouldFindTheOsvDirectoryInsideAPublishedSite() throws Exception {
    copyDir(CheckFixtures.osvDir(), tmp.resolve("osv"));
    Files.writeString(tmp.resolve("changes.json"), "{\"schema\":1}");

    assertThat(FeedLoader.load(tmp.toString())).hasSize(5);
  }

  @Test
  void shouldReadAZipOfRecords() throws Exception {
    Path zip = tmp.resolve("all.zip");
    try (OutputStream out = Files.newOutputStream(zip);
        ZipOutputStream z = new ZipOutputStream(out);
        Stream<Path> files = Files.list(CheckFixtures.osvDir())) {
      for (Path f : files.sorted().toList()) {
        z.putNextEntry(new ZipEntry(f.getFileName().toString()));
        z.write(Files.readAllBytes(f));
        z.closeEntry();
      }
    }
    assertThat(FeedLoader.load(zip.toString())).hasSize(5);
  }

  @Test
  void shouldReadRangesFromAJsonFeedWithTheExtension() throws Exception {
    // One item as the render package writes it: _cvefeed.affected[].ranges[].events.
    Path feed = tmp.resolve("official-cve-feed.json");
    Files.writeString(
        feed,
        """
        {"version":"https://jsonfeed.org/version/1.1","items":[{"id":"CVE-2026-0201",
        "url":"https://github.com/kubernetes/kubernetes/issues/900201","summary":"s","status":"open",
        "_cvefeed":{"severity":"MEDIUM","cvss_score":5.5,"affected":[{"component":"kubelet",
        "ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"1.30.1"}]}]}]}}]}
        """);

    Vulnerability v = FeedLoader.load(tmp.toString()).get(0);

    assertThat(v.id()).isEqualTo("CVE-2026-0201");
    assertThat(v.severity()).isEqualTo(Severity.MEDIUM);
    assertThat(v.status()).isEqualTo("open");
    assertThat(v.affected()).singleElement().extracting(r -> r.component()).isEqualTo("kubelet");
  }

  @Test
  void shouldRefuseAJsonFeedWithoutRanges() throws Exception {
    Path feed = tmp.resolve("official-cve-feed.json");
    Files.writeString(feed, "{\"items\":[{\"id\":\"CVE-2026-0301\",\"status\":\"open\"}]}");

    assertThatThrownBy(() -> FeedLoader.load(feed.toString()))
        .isInstanceOf(CheckInputException.class)
        .hasMessageContaining("carries no version ranges")
        .hasMessageContaining("point --feed at the published osv/ directory");
  }

  @Test
  void shouldNameTheBrokenRecord() throws Exception {
    copyDir(CheckFixtures.osvDir(), tmp);
    Files.writeString(
        tmp.resolve("CVE-2026-0999.json"), "{\"id\": \"CVE-2026-0999\",", StandardCharsets.UTF_8);

    assertThatThrownBy(() -> FeedLoader.load(tmp.toString()))
        .isInstanceOf(CheckInputException.class)
        .hasMessageStartingWith(tmp.resolve("CVE-2026-0999.json") + ": not JSON");
  }

  @Test
  void shouldSayWhatIsMissing() {
    assertThatThrownBy(() -> FeedLoader.load(tmp.resolve("nowhere").toString()))
        .hasMessage(tmp.resolve("nowhere") + ": no such file or directory");
    assertThatThrownBy(() -> FeedLoader.load(tmp.toString()))
        .hasMessageContaining(
            ": no osv/ directory, OSV records, all.zip or official-cve-feed.json");
  }

  @Test
  void shouldReadEveryLegacyCommunityRecord() throws Exception {
    Path dir = Path.of(System.getProperty("shared.data", "../shared/data"), "osv-legacy");
    assumeTrue(Files.isDirectory(dir));

    List<Vulnerability> all = FeedLoader.load(dir.toString());

    assertThat(all).hasSizeGreaterThan(40);
    assertThat(all).allSatisfy(v -> assertThat(v.id()).startsWith("CVE-"));
    assertThat(all).filteredOn(v -> !v.affected().isEmpty()).hasSizeGreaterThan(40);
  }
}
