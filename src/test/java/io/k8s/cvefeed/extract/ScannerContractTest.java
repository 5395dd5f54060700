package io.k8s.cvefeed.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.k8s.cvefeed.github.RawIssue;
import io.k8s.cvefeed.model.Advisory;
import io.k8s.cvefeed.model.CveId;
import io.k8s.cvefeed.model.Feed;
import io.k8s.cvefeed.model.FeedInfo;
import io.k8s.cvefeed.render.Artifact;
import io.k8s.cvefeed.render.Renderers;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The consumer contract: the published records over the real announcements, read the way the
 * scanners read them. Trivy ({@link TrivyOsvSource}, as trivy-db's {@code k8svulndb} source walks
 * every {@code .json} file of the published directory): nothing fails the build, and every CVE
 * whose announcement states versions yields an advisory keyed by a Go module. osv-scanner: the
 * ecosystem is exactly {@code Kubernetes} and every package name a Go module path.
 */
class ScannerContractTest {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  /** A Go module path: a domain with a dot, then path elements (the form the schema asks for). */
  private static final Pattern MODULE =
      Pattern.compile("[a-z0-9-]+(?:\\.[a-z0-9-]+)+(?:/[A-Za-z0-9._~-]+)+");

  private static Map<String, JsonNode> published(List<Advisory> advisories) {
    Feed feed = new Feed(FeedInfo.OFFICIAL, advisories, Instant.parse("2025-04-05T00:00:00Z"));
    Map<String, JsonNode> files = new TreeMap<>();
    for (Artifact a : Renderers.renderAll(feed)) {
      if (a.path().endsWith(".json")) {
        files.put(a.path(), MAPPER.readTree(a.bytes()));
      }
    }
    return files;
  }

  private static List<Advisory> realAdvisories() throws Exception {
    assumeTrue(Files.isRegularFile(RealIssues.issuesFile()), "shared data absent");
    Extractor extractor = new Extractor();
    List<Advisory> out = new ArrayList<>();
    for (RawIssue issue : RealAnnouncementsTest.bodies()) {
      Advisory a = extractor.extract(issue).advisory();
      if (a != null) {
        out.add(a);
      }
    }
    return out;
  }

  @Test
  void shouldBuildATrivyDatabaseFromTheRealRecordsWithAnAdvisoryPerCve() throws Exception {
    List<Advisory> advisories = realAdvisories();
    Map<String, JsonNode> files = published(advisories);

    List<TrivyOsvSource.Advisory> read = new ArrayList<>();
    for (Map.Entry<String, JsonNode> f : files.entrySet()) {
      read.addAll(TrivyOsvSource.entry(f.getKey(), f.getValue())); // throws: build fails
    }

    TreeSet<String> withVersions = new TreeSet<>();
    TreeSet<String> without = new TreeSet<>();
    for (Advisory a : advisories) {
      for (CveId id : a.ids()) {
        (a.affected().isEmpty() ? without : withVersions).add(id.value());
      }
    }
    TreeSet<String> yielded = new TreeSet<>();
    read.forEach(r -> yielded.add(r.vulnerabilityId()));
    System.out.printf(
        "trivy-db reading: %d files, %d advisories, %d/%d CVEs with versions yield one;"
            + " no version facts (title-only or none readable): %s%n",
        files.size(), read.size(), yielded.size(), withVersions.size(), without);
    assertThat(yielded).isEqualTo(withVersions);
    assertThat(read)
        .allSatisfy(
            r -> {
              assertThat(r.pkgName()).matches(MODULE);
              assertThat(r.vulnerableVersions()).isNotEmpty();
            });
  }

  @Test
  void shouldNameOnlyGoModulesInTheKubernetesEcosystem() throws Exception {
    Map<String, JsonNode> files = published(realAdvisories());

    List<String> notModules = new ArrayList<>();
    int entries = 0;
    for (Map.Entry<String, JsonNode> f : files.entrySet()) {
      for (JsonNode a : f.getValue().path("affected")) {
        entries++;
        assertThat(a.path("package").path("ecosystem").asString()).isEqualTo("Kubernetes");
        String name = a.path("package").path("name").asString();
        if (!MODULE.matcher(name).matches()) {
          notModules.add(f.getKey() + " " + name);
        }
        assertThat(a.path("ecosystem_specific").path("component").asString()).isNotBlank();
      }
    }
    System.out.printf(
        "affected[] entries: %d; package names that are not Go module paths: %d%n",
        entries, notModules.size());
    assertThat(notModules).isEmpty();
  }

  @Test
  void shouldTypeEverySeverityByItsVector() throws Exception {
    for (JsonNode record : published(realAdvisories()).values()) {
      for (JsonNode s : record.path("severity")) {
        String score = s.path("score").asString();
        switch (s.path("type").asString()) {
          case "CVSS_V3" -> assertThat(score).matches("CVSS:3\\.[01]/.*");
          case "CVSS_V4" -> assertThat(score).startsWith("CVSS:4.0/");
          default -> throw new AssertionError("unexpected severity type in " + s);
        }
      }
    }
  }

  @Test
  void shouldFailTheBuildAsTrivyDoesOnAForeignVectorOrAnEndBeforeAStart() {
    JsonNode v4AsV3 =
        MAPPER.readTree(
            "{\"id\":\"CVE-1\",\"severity\":[{\"type\":\"CVSS_V3\","
                + "\"score\":\"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N\"}]}");
    JsonNode endFirst =
        MAPPER.readTree(
            "{\"id\":\"CVE-2\",\"affected\":[{\"package\":{\"ecosystem\":\"kubernetes\","
                + "\"name\":\"k8s.io/kubelet\"},\"ranges\":[{\"type\":\"SEMVER\","
                + "\"events\":[{\"fixed\":\"1.2.3\"}]}]}]}");
    JsonNode numberAsId = MAPPER.readTree("{\"id\":3}");

    assertThatThrownBy(() -> TrivyOsvSource.entry("a.json", v4AsV3)).hasMessageContaining("v3");
    assertThatThrownBy(() -> TrivyOsvSource.entry("b.json", endFirst))
        .hasMessageContaining("index out of range");
    assertThatThrownBy(() -> TrivyOsvSource.entry("c.json", numberAsId))
        .hasMessageContaining("json decode error");
  }

  @Test
  void shouldTurnEventsIntoTrivyConstraints() throws Exception {
    JsonNode record =
        MAPPER.readTree(
            "{\"id\":\"CVE-2023-2727\",\"affected\":[{\"package\":{\"ecosystem\":\"Kubernetes\","
                + "\"name\":\"k8s.io/apiserver\"},\"ranges\":["
                + "{\"type\":\"SEMVER\",\"events\":[{\"introduced\":\"0\"},{\"fixed\":\"1.24.15\"},"
                + "{\"introduced\":\"1.25.0\"},{\"fixed\":\"1.25.11\"}]},"
                + "{\"type\":\"SEMVER\",\"events\":[{\"introduced\":\"1.21.0\"},"
                + "{\"last_affected\":\"1.21.14\"},{\"introduced\":\"1.13.0\"},"
                + "{\"last_affected\":\"1.13.0\"}]}]}]}");

    assertThat(TrivyOsvSource.entry("x.json", record))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.pkgName()).isEqualTo("k8s.io/apiserver");
              assertThat(a.vulnerableVersions())
                  .containsExactly(
                      "<1.24.15", ">=1.25.0, <1.25.11", ">=1.21.0, <=1.21.14", "=1.13.0");
              assertThat(a.patchedVersions()).containsExactly("1.24.15", "1.25.11");
            });
  }
}
