package io.k8s.cvefeed.check;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Kubernetes API server on a loopback port answering {@code /version} and {@code /api/v1/nodes},
 * and a kubeconfig that points at it.
 */
public final class FakeCluster implements AutoCloseable {
  private final HttpServer server;
  private final String nodes;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private volatile String version;

  private FakeCluster(String version, String nodes) throws IOException {
    this.version = version;
    this.nodes = nodes;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/version", ex -> json(ex, this.version));
    server.createContext("/api/v1/nodes", ex -> json(ex, this.nodes));
    server.start();
  }

  /** A cluster whose {@code /version} answers {@code version} and node list is {@code nodes}. */
  public static FakeCluster start(String version, String nodes) throws IOException {
    return new FakeCluster(version, nodes);
  }

  /** What {@code /version} answers from now on. */
  public void version(String json) {
    version = json;
  }

  /** Every request so far, as {@code METHOD path}. */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  /**
   * Writes {@code dir/kubeconfig}: context {@code fake} (the current one) is this server, {@code
   * dead} a port nothing listens on.
   */
  public Path kubeconfig(Path dir) throws IOException {
    int deadPort;
    try (ServerSocket s = new ServerSocket(0)) {
      deadPort = s.getLocalPort();
    }
    return Files.writeString(
        dir.resolve("kubeconfig"),
        """
        apiVersion: v1
        kind: Config
        current-context: fake
        clusters:
        - name: fake
          cluster: {server: "http://127.0.0.1:%d"}
        - name: dead
          cluster: {server: "http://127.0.0.1:%d"}
        users:
        - name: tester
          user: {token: not-a-secret}
        contexts:
        - name: fake
          context: {cluster: fake, user: tester}
        - name: dead
          context: {cluster: dead, user: tester}
        """
            .formatted(server.getAddress().getPort(), deadPort));
  }

  private void json(HttpExchange ex, String body) throws IOException {
    requests.add(ex.getRequestMethod() + " " + ex.getRequestURI().getPath());
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(200, b.length);
    ex.getResponseBody().write(b);
    ex.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
