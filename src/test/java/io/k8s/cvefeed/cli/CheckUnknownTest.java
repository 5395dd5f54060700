package io.k8s.cvefeed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code check} over a CVE that publishes no fixed version (as CVE-2019-11244's "kubectl v1.8.0+"
 * did): "cannot tell", not "applies"; exit 3 only with {@code --fail-on unknown}.
 */
class CheckUnknownTest {
  /** Open-ended kubectl range, no fix anywhere; plus a fixed kubelet CVE that applies to 1.29.4. */
  private static final String UNFIXED =
      """
      {"schema_version": "1.7.0", "id": "CVE-2026-0201", "modified": "2026-02-01T00:00:00Z",
       "summary": "kubectl fixture: affected since 1.8.0, no fixed version published",
       "affected": [{"package": {"ecosystem": "Kubernetes", "name": "kubectl"},
         "ranges": [{"type": "SEMVER", "events": [{"introduced": "1.8.0"}]}]}],
       "references": [{"type": "ADVISORY", "url": "https://github.com/kubernetes/kubernetes/issues/900201"}],
       "database_specific": {"status": "open", "issue_number": 900201, "severity": "LOW"}}
      """;

  private static final String FIXED =
      """
      {"schema_version": "1.7.0", "id": "CVE-2026-0202", "modified": "2026-02-01T00:00:00Z",
       "summary": "kubelet fixture: fixed in 1.29.9",
       "affected": [{"package": {"ecosystem": "Kubernetes", "name": "kubelet"},
         "ranges": [{"type": "SEMVER", "events": [{"introduced": "1.29.0"}, {"fixed": "1.29.9"}]}]}],
       "references": [{"type": "ADVISORY", "url": "https://github.com/kubernetes/kubernetes/issues/900202"}],
       "database_specific": {"status": "fixed", "issue_number": 900202, "severity": "HIGH"}}
      """;

  @TempDir Path dir;
  private final CliRunner cli = new CliRunner();

  @BeforeEach
  void writeFeed() throws Exception {
    Files.createDirectories(dir.resolve("osv"));
    Files.writeString(dir.resolve("osv/CVE-2026-0201.json"), UNFIXED);
  }

  private int run(String... args) {
    cli.reset();
    return cli.home(dir).run(args);
  }

  @Test
  void shouldReportANoFixCveAsCannotTellAndExit0() {
    assertThat(run("check", "--feed", dir.resolve("osv").toString(), "--version", "v1.29.12"))
        .isZero();
    String stdout = cli.out();
    assertThat(stdout.lines().toList().get(0)).isEqualTo("cannot tell: no fixed version published");
    assertThat(stdout).contains("CVE-2026-0201", "kubectl", "none listed");
    assertThat(cli.err())
        .contains(
            "none of 1 published CVEs applies; 1 cannot be told (no fixed version published)");
  }

  @Test
  void shouldExit3OnUnknownWhenAsked() {
    assertThat(
            run(
                "check",
                "--feed",
                dir.resolve("osv").toString(),
                "--version",
                "v1.29.12",
                "--fail-on",
                "unknown"))
        .isEqualTo(3);
  }

  @Test
  void shouldListAppliesThenCannotTellAndSplitThemInJson() throws Exception {
    Files.writeString(dir.resolve("osv/CVE-2026-0202.json"), FIXED);
    assertThat(
            run(
                "check",
                "--feed",
                dir.resolve("osv").toString(),
                "--version",
                "v1.29.4",
                "--output",
                "json"))
        .isEqualTo(3);
    JsonNode json = JsonMapper.builder().build().readTree(cli.out());
    assertThat(json.path("affected").asBoolean()).isTrue();
    assertThat(json.path("findings").findValuesAsString("id")).containsExactly("CVE-2026-0202");
    assertThat(json.path("unknown").findValuesAsString("id")).containsExactly("CVE-2026-0201");
  }

  @Test
  void shouldRefuseAnUnknownFailOn() {
    assertThat(
            run(
                "check",
                "--feed",
                dir.resolve("osv").toString(),
                "--version",
                "v1.29.4",
                "--fail-on",
                "never"))
        .isEqualTo(2);
    assertThat(cli.err()).contains("--fail-on never: expected affected or unknown");
  }
}
