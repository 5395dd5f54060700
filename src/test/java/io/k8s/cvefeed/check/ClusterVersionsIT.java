package io.k8s.cvefeed.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.k8s.cvefeed.config.UsageException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ClusterVersions} against a fake API server on a loopback port: which targets a cluster's
 * {@code /version} and nodes become. The command around it is tested in {@code cli.CheckClusterIT}.
 */
class ClusterVersionsIT {
  /** Two nodes on one version, one on another and without a kube-proxy version. */
  private static final String NODES =
      """
      {"kind":"NodeList","apiVersion":"v1","metadata":{"resourceVersion":"1"},"items":[
       {"metadata":{"name":"node-b"},"status":{"nodeInfo":
         {"kubeletVersion":"v1.30.2","kubeProxyVersion":"v1.30.2"}}},
       {"metadata":{"name":"node-a"},"status":{"nodeInfo":
         {"kubeletVersion":"v1.30.2","kubeProxyVersion":"v1.30.2"}}},
       {"metadata":{"name":"node-c"},"status":{"nodeInfo":
         {"kubeletVersion":"v1.29.4","kubeProxyVersion":""}}}]}
      """;

  @TempDir Path dir;
  private FakeCluster cluster;

  @BeforeEach
  void start() throws IOException {
    cluster = FakeCluster.start("{\"gitVersion\":\"v1.30.3\"}", NODES);
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  @Test
  void shouldGroupNodesByComponentAndVersionAfterTheControlPlane() throws Exception {
    List<Target> targets = ClusterVersions.read(cluster.kubeconfig(dir), null);

    assertThat(targets)
        .extracting(t -> t.components() + " " + t.version().raw() + " " + t.sources())
        .containsExactly(
            ComponentNames.CONTROL_PLANE + " v1.30.3 [server /version]",
            "[kube-proxy] v1.30.2 [node node-a, node node-b]",
            "[kubelet] v1.29.4 [node node-c]",
            "[kubelet] v1.30.2 [node node-a, node node-b]");
    assertThat(targets.get(1).components()).isEqualTo(Set.of("kube-proxy"));
  }

  @Test
  void shouldRefuseAMissingKubeconfigAsUsage() {
    assertThatThrownBy(() -> ClusterVersions.read(dir.resolve("absent"), null))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("no such file");
  }
}
