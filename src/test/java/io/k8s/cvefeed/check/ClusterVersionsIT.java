package io.k8s.cvefeed.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.k8s.cvefeed.config.UsageException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
  private HttpServer server;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/version", ex -> json(ex, "{\"gitVersion\":\"v1.30.3\"}"));
    server.createContext("/api/v1/nodes", ex -> json(ex, NODES));
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private static void json(HttpExchange ex, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(200, b.length);
    ex.getResponseBody().write(b);
    ex.close();
  }

  private Path kubeconfig() throws IOException {
    Path kc = dir.resolve("kubeconfig");
    Files.writeString(
        kc,
        """
        apiVersion: v1
        kind: Config
        current-context: fake
        clusters:
        - name: fake
          cluster: {server: "http://127.0.0.1:%d"}
        users:
        - name: tester
          user: {token: not-a-secret}
        contexts:
        - name: fake
          context: {cluster: fake, user: tester}
        """
            .formatted(server.getAddress().getPort()));
    return kc;
  }

  @Test
  void shouldGroupNodesByComponentAndVersionAfterTheControlPlane() throws Exception {
    List<Target> targets = ClusterVersions.read(kubeconfig(), null);

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
