package io.k8s.cvefeed.github;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-process GitHub REST API on a loopback port answering canned responses, keyed by method,
 * path and query (unlike {@code FakeGitHub}, which routes by path): answers the routes a test
 * registers (exact path and query), records every request, and answers 404 to anything else.
 * Answers at once.
 */
public final class CannedGitHub implements AutoCloseable {
  /** One request as received. */
  public record Request(String method, String pathAndQuery, String body, String authorization) {}

  /** One canned answer. */
  public record Answer(int status, String body, Map<String, String> headers) {}

  private final HttpServer server;
  private final Map<String, Answer> routes = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  private CannedGitHub(HttpServer server) {
    this.server = server;
  }

  public static CannedGitHub start() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    CannedGitHub fake = new CannedGitHub(server);
    server.createContext("/", fake::handle);
    server.start();
    return fake;
  }

  /** The API base, e.g. {@code http://127.0.0.1:41234}. */
  public URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Answers {@code METHOD pathAndQuery} with 200 and {@code json}. */
  public CannedGitHub json(String method, String pathAndQuery, String json) {
    return answer(method, pathAndQuery, new Answer(200, json, Map.of()));
  }

  /**
   * Answers {@code GET pathAndQuery} with 200, {@code json} and a {@code Link} naming {@code
   * nextPathAndQuery} as both the next and the last page, as GitHub does on the first of two.
   */
  public CannedGitHub page(String pathAndQuery, String json, String nextPathAndQuery) {
    String next = "<" + base() + nextPathAndQuery + ">";
    String link = next + "; rel=\"next\", " + next + "; rel=\"last\"";
    return answer("GET", pathAndQuery, new Answer(200, json, Map.of("Link", link)));
  }

  public CannedGitHub answer(String method, String pathAndQuery, Answer answer) {
    routes.put(method + " " + pathAndQuery, answer);
    return this;
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** Requests whose method is {@code method} and whose path contains {@code part}. */
  public long count(String method, String part) {
    return requests.stream()
        .filter(r -> r.method().equals(method) && r.pathAndQuery().contains(part))
        .count();
  }

  public void reset() {
    requests.clear();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String target = exchange.getRequestURI().getRawPath();
      String query = exchange.getRequestURI().getRawQuery();
      if (query != null) {
        target += "?" + query;
      }
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      requests.add(
          new Request(exchange.getRequestMethod(), target, body, auth == null ? "" : auth));
      Answer answer = routes.get(exchange.getRequestMethod() + " " + target);
      if (answer == null) {
        answer = new Answer(404, "{\"message\":\"Not Found\"}", Map.of());
      }
      byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      answer.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
      exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
      exchange.getResponseBody().write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
