package io.k8s.cvefeed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8s.cvefeed.github.FakeGitHub;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code cvefeed label} against a fake GitHub search API. */
class LabelCommandIT {
  private static final String REPO = "kubernetes/kubernetes";
  private static final String BASE = "repo:" + REPO + " is:issue -label:\"official-cve-feed\" ";

  private FakeGitHub github;
  private final CliRunner cli = new CliRunner();
  private final Map<String, String> env = new HashMap<>();

  @BeforeEach
  void start() throws Exception {
    github = FakeGitHub.start();
    // 101: id in title. 102: all three reasons, found by two searches. 103: label only.
    // 104: says CVSS but states no vector (dropped). 105: vector only.
    // 106: already labelled, the search index lagging (dropped).
    search(
        "CVE in:title",
        issue(101, "CVE-2024-1111: kubelet flaw", "", "no details"),
        issue(
            102,
            "[Security Advisory] CVE-2024-2222: proxy",
            "\"committee/security-response\"",
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"),
        issue(106, "CVE-2024-3333: done", "\"official-cve-feed\"", ""));
    search(
        "label:\"committee/security-response\"",
        issue(
            102,
            "[Security Advisory] CVE-2024-2222: proxy",
            "\"committee/security-response\"",
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"),
        issue(103, "Node crash on crafted pod", "\"committee/security-response\"", ""));
    // This search answers in two pages, linked by rel="next".
    String first = searchPath("CVSS in:body");
    github.page(
        first, results(issue(104, "Discuss scoring", "", "we use CVSS scores")), first + "&page=2");
    github.json(
        "GET",
        first + "&page=2",
        results(issue(105, "Pods escape", "", "CVSS:3.1/AV:L/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H")));
    for (int n : new int[] {101, 102, 103, 105}) {
      github.json(
          "POST",
          "/repos/" + REPO + "/issues/" + n + "/labels",
          "[{\"name\":\"official-cve-feed\"}]");
    }
  }

  @AfterEach
  void stop() {
    github.close();
  }

  private void search(String q, String... items) {
    github.json("GET", searchPath(q), results(items));
  }

  private static String searchPath(String q) {
    return "/search/issues?q="
        + URLEncoder.encode(BASE + q, StandardCharsets.UTF_8)
        + "&per_page=100";
  }

  private static String results(String... items) {
    return "{\"total_count\":"
        + items.length
        + ",\"incomplete_results\":false,\"items\":["
        + String.join(",", items)
        + "]}";
  }

  private static String issue(int n, String title, String labels, String body) {
    String labelJson = labels.isEmpty() ? "" : "{\"name\":" + labels + "}";
    return "{\"number\":"
        + n
        + ",\"title\":\""
        + title
        + "\",\"body\":\""
        + body
        + "\",\"state\":\"open\",\"html_url\":\"https://github.com/"
        + REPO
        + "/issues/"
        + n
        + "\",\"created_at\":\"2024-01-01T00:00:00Z\",\"updated_at\":\"2024-01-02T00:00:00Z\","
        + "\"labels\":["
        + labelJson
        + "],\"user\":{\"login\":\"reporter\"}}";
  }

  private int run(InputStream in, String... args) {
    Cli.Context ctx = cli.env(env).context();
    String[] all = new String[args.length + 2];
    all[0] = "--github-api";
    all[1] = github.base().toString();
    System.arraycopy(args, 0, all, 2, args.length);
    return new CommandLine(new LabelCommand(ctx, in)).execute(all);
  }

  private int run(String... args) {
    return run(InputStream.nullInputStream(), args);
  }

  @Test
  void shouldListCandidatesMostCertainFirstWithoutChangingAnything() {
    int code = run();

    assertThat(code).isZero();
    List<String> rows = cli.out().lines().skip(1).toList();
    assertThat(rows).hasSize(4);
    assertThat(rows.get(0))
        .startsWith(
            "#102\topen\ttitle starts with a CVE id; labelled committee/security-response; body states a CVSS vector");
    assertThat(rows.get(1)).startsWith("#101\topen\ttitle starts with a CVE id\t");
    assertThat(rows.get(2)).startsWith("#103\topen\tlabelled committee/security-response\t");
    assertThat(rows.get(3)).startsWith("#105\topen\tbody states a CVSS vector\t");
    assertThat(github.requests()).allSatisfy(r -> assertThat(r.method()).isEqualTo("GET"));
  }

  @Test
  void shouldPrintJson() {
    assertThat(run("--output", "json")).isZero();

    JsonNode root = JsonMapper.builder().build().readTree(cli.out());
    assertThat(root.path("candidates").values())
        .extracting(n -> n.path("number").asInt())
        .containsExactly(102, 101, 103, 105);
    assertThat(root.path("candidates").get(3).path("reasons").get(0).asString())
        .isEqualTo("cvss_vector");
    assertThat(root.has("results")).isFalse();
  }

  @Test
  void shouldAddTheLabelToEveryCandidateWithApplyAndYes() {
    env.put("GITHUB_TOKEN", "test-token");

    int code = run("--apply", "--yes");

    assertThat(code).isZero();
    List<FakeGitHub.Request> posts =
        github.requests().stream().filter(r -> r.method().equals("POST")).toList();
    assertThat(posts)
        .extracting(FakeGitHub.Request::pathAndQuery)
        .containsExactly(
            "/repos/" + REPO + "/issues/102/labels", "/repos/" + REPO + "/issues/101/labels",
            "/repos/" + REPO + "/issues/103/labels", "/repos/" + REPO + "/issues/105/labels");
    assertThat(posts)
        .allSatisfy(
            p -> {
              assertThat(p.body()).isEqualTo("{\"labels\":[\"official-cve-feed\"]}");
              assertThat(p.authorization()).isEqualTo("Bearer test-token");
            });
    assertThat(github.requests())
        .noneMatch(r -> r.method().equals("DELETE") || r.method().equals("PUT"));
    assertThat(cli.out()).contains("#103: labelled official-cve-feed");
  }

  @Test
  void shouldAskBeforeApplyingAndDoNothingWhenTheAnswerIsNo() {
    env.put("GITHUB_TOKEN", "test-token");

    int code = run(new ByteArrayInputStream("n\n".getBytes(StandardCharsets.UTF_8)), "--apply");

    assertThat(code).isEqualTo(1);
    assertThat(cli.err())
        .contains(
            "Add official-cve-feed to 4 issue(s) in kubernetes/kubernetes? [y/N]",
            "no label was added");
    assertThat(github.count("POST", "/labels")).isZero();
  }

  @Test
  void shouldApplyWhenTheAnswerIsYes() {
    env.put("GITHUB_TOKEN", "test-token");

    int code = run(new ByteArrayInputStream("y\n".getBytes(StandardCharsets.UTF_8)), "--apply");

    assertThat(code).isZero();
    assertThat(github.count("POST", "/labels")).isEqualTo(4);
  }

  @Test
  void shouldRefuseToApplyWithoutAToken() {
    int code =
        cli.env(env).run("label", "--github-api", github.base().toString(), "--apply", "--yes");

    assertThat(code).isEqualTo(2);
    assertThat(cli.err()).contains("--apply: adding labels needs GITHUB_TOKEN");

    assertThat(github.requests()).isEmpty();
  }

  @Test
  void shouldReportEachResultAndExit1WhenALabelIsRefused() {
    env.put("GITHUB_TOKEN", "test-token");
    github.answer(
        "POST",
        "/repos/" + REPO + "/issues/103/labels",
        new FakeGitHub.Answer(403, "{\"message\":\"Must have triage access\"}", Map.of()));

    int code = run("--apply", "--yes", "--output", "json");

    assertThat(code).isEqualTo(1);
    JsonNode results = JsonMapper.builder().build().readTree(cli.out()).path("results");
    assertThat(results.values())
        .extracting(n -> n.path("number").asInt() + ":" + n.path("ok").asBoolean())
        .containsExactly("102:true", "101:true", "103:false", "105:true");
    assertThat(results.get(2).path("message").asString())
        .contains("403", "Must have triage access");
  }
}
