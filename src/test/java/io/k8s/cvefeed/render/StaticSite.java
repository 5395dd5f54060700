package io.k8s.cvefeed.render;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A directory served over HTTP on 127.0.0.1, a free port, so that the browser applies the page's
 * Content-Security-Policy ({@code 'self'}) and {@code fetch} works as on a real site. Query strings
 * (the assets' {@code ?v=}) are ignored; unknown paths are 404.
 */
final class StaticSite implements AutoCloseable {
  private static final Map<String, String> TYPES =
      Map.of(
          ".html", MediaTypes.HTML,
          ".css", MediaTypes.CSS,
          ".js", MediaTypes.JAVASCRIPT,
          ".json", MediaTypes.JSON,
          ".xml", "application/xml",
          ".md", MediaTypes.MARKDOWN,
          ".zip", MediaTypes.ZIP);

  private final Path root;
  private final HttpServer server;

  private StaticSite(Path root, HttpServer server) {
    this.root = root;
    this.server = server;
  }

  /** Writes the artifacts under {@code root} and serves it. */
  static StaticSite serve(Path root, List<Artifact> artifacts) throws IOException {
    for (Artifact a : artifacts) {
      Path file = root.resolve(a.path());
      Files.createDirectories(file.getParent());
      Files.write(file, a.bytes());
    }
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    StaticSite site = new StaticSite(root.toAbsolutePath().normalize(), server);
    server.createContext("/", site::handle);
    server.start();
    return site;
  }

  /** The URL of a path relative to the site root, e.g. {@code cve/CVE-2023-2727.html}. */
  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + path;
  }

  Path root() {
    return root;
  }

  /** Adds or replaces one file while the site runs. */
  void put(Artifact a) {
    try {
      Files.write(root.resolve(a.path()), a.bytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      Path file = root.resolve(path.substring(1)).normalize();
      if (!file.startsWith(root) || !Files.isRegularFile(file)) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      String name = file.getFileName().toString();
      String ext = name.contains(".") ? name.substring(name.lastIndexOf('.')) : "";
      byte[] body = Files.readAllBytes(file);
      exchange.getResponseHeaders().set("Content-Type", TYPES.getOrDefault(ext, "text/plain"));
      exchange.getResponseHeaders().set("Cache-Control", "no-store");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
