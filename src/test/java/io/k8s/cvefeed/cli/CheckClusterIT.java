package io.k8s.cvefeed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8s.cvefeed.check.CheckFixtures;
import io.k8s.cvefeed.check.FakeCluster;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code cvefeed check --kubeconfig} against a fake API server on a loopback port: {@code /version}
 * and {@code /api/v1/nodes} of a cluster whose nodes run three distributions' versions.
 */
class CheckClusterIT {
  /** EKS control plane; an EKS node, a k3s node without kube-proxy version, a GKE node. */
  private static final String NODES =
      """
      {"kind":"NodeList","apiVersion":"v1","metadata":{"resourceVersion":"1"},"items":[
       {"metadata":{"name":"node-a"},"status":{"nodeInfo":
         {"kubeletVersion":"v1.30.2-eks-1234","kubeProxyVersion":"v1.30.2-eks-1234"}}},
       {"metadata":{"name":"node-b"},"status":{"nodeInfo":
         {"kubeletVersion":"v1.29.4+k3s1","kubeProxyVersion":""}}},
       {"metadata":{"name":"node-c"},"status":{"nodeInfo":
         {"kubeletVersion":"1.28.15-gke.1","kubeProxyVersion":"1.28.15-gke.1"}}},
       {"metadata":{"name":"node-d"},"status":{"nodeInfo":
         {"kubeletVersion":"1.28.15-gke.1","kubeProxyVersion":"1.28.15-gke.1"}}}]}
      """;

  @TempDir Path dir;
  private FakeCluster cluster;
  private final CliRunner cli = new CliRunner();

  @BeforeEach
  void start() throws IOException {
    cluster =
        FakeCluster.start(
            "{\"major\":\"1\",\"minor\":\"30+\",\"gitVersion\":\"v1.30.2-eks-1234\"}", NODES);
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  private Path kubeconfig() throws IOException {
    return cluster.kubeconfig(dir);
  }

  private int run(String... args) {
    return cli.home(dir).run(args);
  }

  @Test
  void shouldCheckEveryComponentOfAMixedVersionCluster() throws Exception {
    int code =
        run(
            "check",
            "--feed",
            CheckFixtures.osvDir().toString(),
            "--kubeconfig",
            kubeconfig().toString(),
            "--output",
            "json");

    assertThat(code).as(cli.err()).isEqualTo(3);
    assertThat(cluster.requests()).contains("GET /version", "GET /api/v1/nodes");
    JsonNode root = JsonMapper.builder().build().readTree(cli.out());
    assertThat(
            root.path("findings")
                .valueStream()
                .map(
                    f ->
                        f.path("id").asString()
                            + " "
                            + f.path("component").asString()
                            + " "
                            + f.path("running").asString()
                            + " "
                            + f.path("sources")))
        .containsExactly(
            "CVE-2026-0105 kubernetes v1.30.2-eks-1234 [\"server /version\"]",
            "CVE-2026-0102 kubelet 1.28.15-gke.1 [\"node node-c\",\"node node-d\"]",
            "CVE-2026-0102 kubelet v1.29.4+k3s1 [\"node node-b\"]",
            "CVE-2026-0101 kube-apiserver v1.30.2-eks-1234 [\"server /version\"]",
            "CVE-2026-0103 kube-proxy 1.28.15-gke.1 [\"node node-c\",\"node node-d\"]");
    assertThat(
            root.path("checked")
                .valueStream()
                .map(
                    c ->
                        c.path("version").asString()
                            + " "
                            + c.path("components")
                            + " "
                            + c.path("normalisation").asString()))
        .containsExactly(
            "v1.30.2-eks-1234 [\"kube-apiserver\",\"kube-controller-manager\",\"kube-scheduler\",\"kubernetes\"]"
                + " distribution suffix \"-eks-1234\" ignored; checked as 1.30.2",
            "1.28.15-gke.1 [\"kube-proxy\"] distribution suffix \"-gke.1\" ignored; checked as 1.28.15",
            "v1.30.2-eks-1234 [\"kube-proxy\"] distribution suffix \"-eks-1234\" ignored; checked as 1.30.2",
            "1.28.15-gke.1 [\"kubelet\"] distribution suffix \"-gke.1\" ignored; checked as 1.28.15",
            "v1.29.4+k3s1 [\"kubelet\"] distribution suffix \"+k3s1\" ignored; checked as 1.29.4",
            "v1.30.2-eks-1234 [\"kubelet\"] distribution suffix \"-eks-1234\" ignored; checked as 1.30.2");
  }

  @Test
  void shouldAcceptASparseVersionReply() throws Exception {
    cluster.version("{\"major\":\"1\",\"minor\":\"31\"}");

    int code =
        run(
            "check",
            "--feed",
            CheckFixtures.osvDir().toString(),
            "--kubeconfig",
            kubeconfig().toString());

    assertThat(code).isEqualTo(3);
    assertThat(cli.err())
        .contains("note: v1.31 (server /version): no patch version; checked as 1.31.0");
    assertThat(cli.out()).doesNotContain("kube-apiserver");
  }

  @Test
  void shouldExit1NamingTheClusterWhenItIsUnreachable() throws Exception {
    int code =
        run(
            "check",
            "--feed",
            CheckFixtures.osvDir().toString(),
            "--kubeconfig",
            kubeconfig().toString(),
            "--context",
            "dead");

    assertThat(code).isEqualTo(1);
    assertThat(cli.err())
        .contains("cvefeed check: cluster http://127.0.0.1:")
        .contains("(context dead): unreachable or refused (connection refused or no route to host)")
        .doesNotContain("not-a-secret");
    assertThat(cluster.requests()).isEmpty();
  }

  @Test
  void shouldRefuseAContextTheKubeconfigLacks() throws Exception {
    int code =
        run(
            "check",
            "--feed",
            CheckFixtures.osvDir().toString(),
            "--kubeconfig",
            kubeconfig().toString(),
            "--context",
            "nope");

    assertThat(code).as(cli.err()).isEqualTo(2);
    assertThat(cli.err()).contains("--context nope: not in ");
    assertThat(cluster.requests()).isEmpty();
  }
}
