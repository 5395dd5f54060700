package io.k8s.cvefeed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8s.cvefeed.check.CheckFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code cvefeed check --version} in-process over the fixture records. */
class CheckCommandTest {
  @TempDir Path dir;
  private final CliRunner cli = new CliRunner();
  private final String feed = CheckFixtures.osvDir().toString();

  private int run(String... args) {
    return cli.home(dir).run(args);
  }

  @Test
  void shouldExit3AndPrintATableWhenAVersionIsAffected() {
    assertThat(run("check", "--feed", feed, "--version", "v1.29.4-eks-1234")).isEqualTo(3);

    assertThat(cli.out().lines().toList())
        .hasSize(3)
        .satisfies(
            l -> assertThat(l.get(0)).startsWith("CVE  ").contains("SEVERITY", "FIXED IN", "LINK"))
        .satisfies(
            l ->
                assertThat(l.get(1).split("\\s{2,}"))
                    .containsExactly(
                        "CVE-2026-0102",
                        "CRITICAL",
                        "kubelet",
                        "v1.29.4-eks-1234",
                        "none (last affected 1.29.5)",
                        "unfixed",
                        "https://github.com/kubernetes/kubernetes/issues/900102"))
        .satisfies(
            l ->
                assertThat(l.get(2).split("\\s{2,}"))
                    .containsExactly(
                        "CVE-2026-0101",
                        "HIGH",
                        "kube-apiserver",
                        "v1.29.4-eks-1234",
                        "1.29.9",
                        "fixed",
                        "https://github.com/kubernetes/kubernetes/issues/900101"));
    assertThat(cli.err())
        .contains(
            "note: v1.29.4-eks-1234 (--version): distribution suffix \"-eks-1234\" ignored; checked as 1.29.4")
        .contains("2 of 5 published CVEs apply");
  }

  @Test
  void shouldExit0WhenNothingApplies() {
    assertThat(run("check", "--feed", feed, "--version", "v1.31.0")).isEqualTo(0);
    assertThat(cli.out()).isEmpty();
    assertThat(cli.err()).contains("none of 5 published CVEs applies");
  }

  @Test
  void shouldCheckOnlyTheNamedComponent() {
    assertThat(run("check", "--feed", feed, "--version", "1.29.4", "--component", "kube-proxy"))
        .isEqualTo(0);
    assertThat(run("check", "--feed", feed, "--version", "1.28.3", "--component", "kube-proxy"))
        .isEqualTo(3);
    assertThat(cli.out()).contains("CVE-2026-0103").doesNotContain("CVE-2026-0102");
  }

  @Test
  void shouldPrintJsonOnRequest() {
    assertThat(run("check", "--feed", feed, "--version", "v1.29.4+k3s1", "--output", "json"))
        .isEqualTo(3);

    JsonNode root = JsonMapper.builder().build().readTree(cli.out());
    assertThat(root.path("affected").asBoolean()).isTrue();
    assertThat(root.path("checked").get(0).path("normalisation").asString())
        .isEqualTo("distribution suffix \"+k3s1\" ignored; checked as 1.29.4");
    JsonNode first = root.path("findings").get(0);
    assertThat(first.path("id").asString()).isEqualTo("CVE-2026-0102");
    assertThat(first.path("last_affected").asString()).isEqualTo("1.29.5");
    assertThat(first.has("fixed_in")).isFalse();
    assertThat(root.path("findings").get(1).path("fixed_in").asString()).isEqualTo("1.29.9");
  }

  @Test
  void shouldExit1NamingTheFeedWhenItCannotBeRead() throws Exception {
    assertThat(run("check", "--feed", dir.resolve("missing").toString(), "--version", "1.30.0"))
        .isEqualTo(1);
    assertThat(cli.err())
        .contains("cvefeed check: --feed " + dir.resolve("missing") + ": no such file");

    Files.writeString(dir.resolve("CVE-2026-0001.json"), "[1, 2");
    cli.reset();
    assertThat(run("check", "--feed", dir.toString(), "--version", "1.30.0")).isEqualTo(1);
    assertThat(cli.err()).contains(dir.resolve("CVE-2026-0001.json") + ": not JSON");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "check                                    | give either --version or --kubeconfig",
        "check --version 1.30.0 --kubeconfig kc   | give either --version or --kubeconfig",
        "check --version latest                   | --version \"latest\": not a Kubernetes version",
        "check --component kubelet --kubeconfig kc | --component needs --version",
        "check --version 1.30.0 --context prod    | --context needs --kubeconfig",
        "check --version 1.30.0 --output xml      | --output xml: expected table or json",
        "check --kubeconfig no-such-kubeconfig    | --kubeconfig no-such-kubeconfig: no such file",
        "check --no-such-option                   | Unknown option: '--no-such-option'",
      })
  void shouldExit2OnUsageErrors(String args, String message) {
    assertThat(run(args.strip().split("\\s+"))).isEqualTo(2);
    assertThat(cli.err()).contains(message);
  }

  @Test
  void shouldShowHelpWithTheExitCodes() {
    assertThat(run("check", "--help")).isEqualTo(0);
    assertThat(cli.out())
        .contains("--kubeconfig", "--version", "3   at least one published CVE applies");
  }

  @Test
  void shouldRefuseAWebhookThatIsNotHttpWithoutPrintingItsPath() {
    int code =
        run(
            "refresh",
            "--out",
            dir.resolve("public").toString(),
            "--notify-webhook",
            "ftp://hooks.example.com/services/T000/B000/secret");

    assertThat(code).isEqualTo(2);
    assertThat(cli.err())
        .contains("--notify-webhook ftp://hooks.example.com/…: expected an http(s) URL with a host")
        .doesNotContain("secret");
  }
}
