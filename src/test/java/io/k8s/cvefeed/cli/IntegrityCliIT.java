package io.k8s.cvefeed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8s.cvefeed.github.FakeGitHub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** keygen, refresh with label policy and signing, then verify: the commands in-process. */
class IntegrityCliIT {
  private static final String REPO = "kubernetes/kubernetes";
  private static final String LISTING =
      "/repos/" + REPO + "/issues?labels=official-cve-feed&state=all&per_page=100";

  @TempDir Path dir;
  private FakeGitHub github;
  private final CliRunner cli = new CliRunner();

  @BeforeEach
  void start() throws Exception {
    github = FakeGitHub.start();
    // Issue 1 was labelled by alice (trusted), issue 2 by mallory (not trusted).
    github.json("GET", LISTING, "[" + issue(1) + "," + issue(2) + "]");
    github.json("GET", events(1), "[" + labeled("alice") + "]");
    github.json("GET", events(2), "[" + labeled("mallory") + "]");
    Files.writeString(dir.resolve("trusted.txt"), "# feed labellers\nalice\n");
  }

  @AfterEach
  void stop() {
    github.close();
  }

  private static String events(int n) {
    return "/repos/" + REPO + "/issues/" + n + "/events?per_page=100";
  }

  private static String labeled(String actor) {
    return "{\"event\":\"labeled\",\"actor\":{\"login\":\""
        + actor
        + "\"},"
        + "\"created_at\":\"2024-02-01T10:00:00Z\",\"label\":{\"name\":\"official-cve-feed\"}}";
  }

  private static String issue(int n) {
    return "{\"number\":"
        + n
        + ",\"title\":\"CVE-2024-100"
        + n
        + ": flaw number "
        + n
        + "\","
        + "\"body\":\"A flaw.\",\"state\":\"closed\",\"state_reason\":\"completed\","
        + "\"html_url\":\"https://github.com/"
        + REPO
        + "/issues/"
        + n
        + "\","
        + "\"created_at\":\"2024-01-01T00:00:00Z\",\"updated_at\":\"2024-02-01T10:00:00Z\","
        + "\"closed_at\":\"2024-02-01T10:00:00Z\",\"labels\":[{\"name\":\"official-cve-feed\"}],"
        + "\"user\":{\"login\":\"reporter\"}}";
  }

  private int run(String... args) {
    cli.reset();
    return cli.home(dir).run(args);
  }

  private int refresh(String... extra) {
    String[] base = {
      "refresh",
      "--github-api",
      github.base().toString(),
      "--out",
      dir.resolve("public").toString(),
      "--cache-dir",
      dir.resolve("cache").toString(),
      "--trusted-labelers",
      dir.resolve("trusted.txt").toString(),
      "--signing-key",
      dir.resolve("keys/cvefeed.key").toString()
    };
    String[] all = new String[base.length + extra.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(extra, 0, all, base.length, extra.length);
    return run(all);
  }

  @Test
  void shouldEnforceTheLabelPolicySignTheReleaseAndVerifyIt() throws Exception {
    assertThat(run("keygen", "--out", dir.resolve("keys").toString())).isZero();

    int code = refresh("--label-policy", "enforce");

    assertThat(code).as(cli.err()).isEqualTo(7);
    assertThat(cli.err()).contains("issue #2", "@mallory", "2024-02-01T10:00:00Z", "left out");
    Path feed = dir.resolve("public/official-cve-feed.json");
    assertThat(Files.readString(feed)).contains("CVE-2024-1001").doesNotContain("CVE-2024-1002");
    assertThat(dir.resolve("public/manifest.json.sig")).exists();
    assertThat(
            run(
                "verify",
                "--public-key",
                dir.resolve("keys/cvefeed.pub").toString(),
                dir.resolve("public").toString()))
        .as(cli.err())
        .isZero();
    assertThat(cli.out()).startsWith("verified: signature good;");

    byte[] bytes = Files.readAllBytes(feed);
    bytes[bytes.length / 2] ^= 0x20;
    Files.write(feed, bytes);
    assertThat(
            run(
                "verify",
                "--public-key",
                dir.resolve("keys/cvefeed.pub").toString(),
                dir.resolve("public").toString()))
        .isEqualTo(1);
    assertThat(cli.err()).contains("verify failed: official-cve-feed.json:", "sha256");
  }

  @Test
  void shouldMakeNoEventsRequestsWhenNoIssueChanged() throws Exception {
    run("keygen", "--out", dir.resolve("keys").toString());
    assertThat(refresh("--label-policy", "warn")).as(cli.err()).isEqualTo(0);
    assertThat(cli.err()).contains("@mallory");
    long first = github.count("GET", "/events");
    github.forgetRequests();

    assertThat(refresh("--label-policy", "warn")).isZero();

    assertThat(first).isEqualTo(2);
    assertThat(github.count("GET", "/events")).isZero();
    assertThat(github.count("GET", "/issues?")).isEqualTo(1);
  }

  @Test
  void shouldMakeNoEventsRequestsWhenThePolicyIsOff() throws Exception {
    run("keygen", "--out", dir.resolve("keys").toString());

    assertThat(refresh("--label-policy", "off")).isZero();

    assertThat(github.count("GET", "/events")).isZero();
  }

  @Test
  void shouldPublishNothingWhenTheEventsApiFails() throws Exception {
    run("keygen", "--out", dir.resolve("keys").toString());
    github.answer(
        "GET", events(2), new FakeGitHub.Answer(404, "{\"message\":\"Not Found\"}", Map.of()));

    assertThat(refresh("--label-policy", "warn")).isEqualTo(1);

    assertThat(cli.err()).contains("/issues/2/events", "nothing was published");
    assertThat(dir.resolve("public")).doesNotExist();
  }

  @Test
  void shouldRefuseEnforceWithoutAnAllowList() {
    int code =
        run(
            "refresh",
            "--github-api",
            github.base().toString(),
            "--out",
            dir.resolve("public").toString(),
            "--label-policy",
            "enforce");

    assertThat(code).isEqualTo(2);
    assertThat(cli.err()).contains("--label-policy enforce: nobody is trusted");
    assertThat(github.requests()).isEmpty();
  }

  @Test
  void shouldRefuseToOverwriteAKeyPair() throws Exception {
    assertThat(run("keygen", "--out", dir.resolve("keys").toString())).isZero();
    String key = Files.readString(dir.resolve("keys/cvefeed.key"));

    assertThat(run("keygen", "--out", dir.resolve("keys").toString())).isEqualTo(2);

    assertThat(cli.err()).contains("cvefeed.key: already exists");
    assertThat(Files.readString(dir.resolve("keys/cvefeed.key"))).isEqualTo(key);
  }
}
