package io.k8s.cvefeed.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.k8s.cvefeed.cverecord.FakeCveApi;
import io.k8s.cvefeed.cverecord.Fixtures;
import io.k8s.cvefeed.cverecord.RealRecords;
import io.k8s.cvefeed.github.FakeGitHub;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code cvefeed refresh --cve-records ...} against a fake GitHub serving the real CVE-2019-11244
 * announcement (#76676, "kubectl v1.8.0+", no fixed version) and a fake CVE API: filled when the
 * API answers, published as without the records whenever it does not.
 */
class CveRecordsCliIT {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String ID = "CVE-2019-11244";

  @TempDir Path dir;
  private FakeGitHub github;
  private FakeCveApi cve;
  private String issue = "";
  private final CliRunner cli = new CliRunner();

  @BeforeEach
  void start() throws Exception {
    Path issues = RealRecords.dir().resolveSibling("k8s-issues/issues.json");
    assumeTrue(Files.isRegularFile(issues), "shared data absent");
    for (JsonNode n : JSON.readTree(issues.toFile())) {
      if (n.path("_corpus").path("cve_ids").toString().contains(ID)) {
        ObjectNode o = (ObjectNode) n;
        o.remove("_corpus");
        issue = o.toString();
      }
    }
    github = FakeGitHub.start();
    String listing = "[" + issue + "]";
    github.route("/repos/kubernetes/kubernetes/issues", ex -> FakeGitHub.send(ex, 200, listing));
    cve = FakeCveApi.start();
  }

  @AfterEach
  void stop() {
    // Both are null when the shared data is absent and start() stopped at its assumption.
    if (github != null) {
      github.close();
    }
    if (cve != null) {
      cve.close();
    }
  }

  private int refresh(String mode) {
    cli.reset();
    List<String> args =
        new ArrayList<>(
            List.of(
                "refresh",
                "--github-api",
                github.base().toString(),
                "--out",
                dir.resolve("public").toString(),
                "--cache-dir",
                dir.resolve("cache").toString(),
                "--cve-records",
                mode,
                "--cve-api",
                cve.base().toString(),
                "--json"));
    return cli.clock(Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC)).run(args);
  }

  private JsonNode item() throws IOException {
    JsonNode feed = JSON.readTree(dir.resolve("public/official-cve-feed.json").toFile());
    return feed.path("items").get(0);
  }

  /** The record source's diagnostic kinds in the --json summary. */
  private List<String> kinds() {
    JsonNode summary = JSON.readTree(cli.out());
    return summary.path("diagnostics").findValuesAsString("kind").stream()
        .filter(k -> k.startsWith("cve-record."))
        .toList();
  }

  @Test
  void shouldFillTheRecordsRangesWhereTheAnnouncementGivesNoEnd() throws Exception {
    cve.serve(ID, Files.readAllBytes(RealRecords.dir().resolve(ID + ".json")));

    assertThat(refresh("fill")).isZero();

    JsonNode ext = item().path("_cvefeed");
    assertThat(ext.path("provenance").path("affected").asString()).isEqualTo("cve-record");
    assertThat(ext.path("provenance").path("cvss").asString()).isEqualTo("announcement");
    assertThat(ext.path("affected").toString()).contains("\"limit\":\"1.15.0\"");
    assertThat(cve.requests()).hasSize(1);

    assertThat(refresh("fill")).isZero();
    assertThat(cve.requests()).as("an unchanged refresh within the TTL").hasSize(1);
  }

  @Test
  void shouldReportDisagreementsWithBothValuesInCheckMode() throws Exception {
    cve.serve(ID, Files.readAllBytes(RealRecords.dir().resolve(ID + ".json")));

    assertThat(refresh("check")).isZero();

    assertThat(kinds()).contains("cve-record.components");
    assertThat(cli.out())
        .contains("components differ: announcement [kubectl], record [kubernetes]");
  }

  @ParameterizedTest
  @EnumSource(
      value = FakeCveApi.Failure.class,
      names = {"RATE_LIMITED_LONG", "SERVER_ERROR", "MALFORMED"})
  void shouldPublishAsWithoutRecordsWhenTheApiFails(FakeCveApi.Failure failure) throws Exception {
    cve.serve(ID, Files.readAllBytes(RealRecords.dir().resolve(ID + ".json"))).fail(ID, failure);

    assertThat(refresh("check")).isZero();

    assertThat(item().path("id").asString()).isEqualTo(ID);
    assertThat(item().path("_cvefeed").has("provenance")).isFalse();
    assertThat(kinds()).containsExactly("cve-record.unavailable");
    assertThat(cli.out()).containsPattern(ID + "( from)?:? 127.0.0.1");
  }

  @Test
  void shouldPublishAndSayNoRecordYetOn404() throws Exception {
    assertThat(refresh("check")).isZero();
    assertThat(item().path("id").asString()).isEqualTo(ID);
    assertThat(kinds()).containsExactly("cve-record.no-record");
  }

  @Test
  void shouldPublishAndReportARejectedRecord() throws Exception {
    cve.serve(ID, Fixtures.rejected(ID));
    assertThat(refresh("check")).isZero();
    assertThat(item().path("_cvefeed").has("provenance")).isFalse();
    assertThat(kinds()).containsExactly("cve-record.rejected");
  }

  @Test
  void shouldAskNothingWhenOff() throws Exception {
    assertThat(refresh("off")).isZero();
    assertThat(cve.requests()).isEmpty();
  }

  @Test
  void shouldRefuseAnUnknownMode() {
    assertThat(refresh("sometimes")).isEqualTo(2);
    assertThat(cli.err()).contains("--cve-records sometimes: not a mode; say off, fill or check");
  }
}
