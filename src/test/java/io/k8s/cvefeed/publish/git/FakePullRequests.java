package io.k8s.cvefeed.publish.git;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The pull request endpoints of the GitHub REST API for one repository, in memory. Answers 401
 * without the expected bearer token, 502 to writes while {@link #failing} is set, and 401 to
 * anything else (e.g. a git client), so a test can check what a failure prints.
 */
final class FakePullRequests implements AutoCloseable {
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  /** One pull request as the fake keeps it. */
  static final class Pull {
    final int number;
    final String head;
    final String base;
    String title;
    String body;
    String state = "open";
    final List<String> labels = new ArrayList<>();

    Pull(int number, String head, String base, String title, String body) {
      this.number = number;
      this.head = head;
      this.base = base;
      this.title = title;
      this.body = body;
    }
  }

  final List<Pull> pulls = new CopyOnWriteArrayList<>();
  final AtomicInteger writes = new AtomicInteger();
  volatile boolean failing;

  /** Runs before each PATCH of a pull request: a test pushes from "another writer" here. */
  volatile Runnable beforeUpdate = () -> {};

  private final String repo;
  private final String token;
  private final HttpServer server;

  FakePullRequests(String repo, String token) throws IOException {
    this.repo = repo;
    this.token = token;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  URI api() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      String method = ex.getRequestMethod();
      String prefix = "/repos/" + repo + "/";
      if (!("Bearer " + token).equals(ex.getRequestHeaders().getFirst("Authorization"))
          || !path.startsWith(prefix)) {
        send(ex, 401, message("Bad credentials"));
        return;
      }
      String rest = path.substring(prefix.length());
      if (!method.equals("GET") && failing) {
        send(ex, 502, message("Server Error"));
      } else if (method.equals("GET") && rest.equals("pulls")) {
        list(ex);
      } else if (method.equals("POST") && rest.equals("pulls")) {
        create(ex);
      } else if (method.equals("PATCH") && rest.startsWith("pulls/")) {
        beforeUpdate.run();
        update(ex, find(rest.substring("pulls/".length())));
      } else if (method.equals("POST") && rest.matches("issues/\\d+/labels")) {
        label(ex, find(rest.split("/")[1]));
      } else {
        send(ex, 404, message("Not Found"));
      }
    }
  }

  private void list(HttpExchange ex) throws IOException {
    String query = URLDecoder.decode(ex.getRequestURI().getRawQuery(), StandardCharsets.UTF_8);
    ArrayNode found = JSON.createArrayNode();
    for (Pull p : pulls) {
      if (p.state.equals("open")
          && query.contains("head=" + p.head)
          && query.contains("base=" + p.base)) {
        found.add(json(p));
      }
    }
    send(ex, 200, found);
  }

  private void create(HttpExchange ex) throws IOException {
    JsonNode in = JSON.readTree(ex.getRequestBody());
    Pull p =
        new Pull(
            pulls.size() + 1,
            in.path("head").asString(),
            in.path("base").asString(),
            in.path("title").asString(),
            in.path("body").asString());
    pulls.add(p);
    writes.incrementAndGet();
    send(ex, 201, json(p));
  }

  private void update(HttpExchange ex, Pull p) throws IOException {
    JsonNode in = JSON.readTree(ex.getRequestBody());
    p.title = in.path("title").asString(p.title);
    p.body = in.path("body").asString(p.body);
    writes.incrementAndGet();
    send(ex, 200, json(p));
  }

  private void label(HttpExchange ex, Pull p) throws IOException {
    for (JsonNode l : JSON.readTree(ex.getRequestBody()).path("labels")) {
      if (!p.labels.contains(l.asString())) {
        p.labels.add(l.asString());
      }
    }
    send(ex, 200, JSON.createArrayNode());
  }

  private Pull find(String number) {
    return pulls.get(Integer.parseInt(number) - 1);
  }

  private ObjectNode json(Pull p) {
    ObjectNode n = JSON.createObjectNode();
    n.put("number", p.number);
    n.put("html_url", "https://github.com/" + repo + "/pull/" + p.number);
    n.put("state", p.state);
    n.put("title", p.title);
    return n;
  }

  private static ObjectNode message(String text) {
    return JSON.createObjectNode().put("message", text);
  }

  private static void send(HttpExchange ex, int code, JsonNode body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    ex.sendResponseHeaders(code, bytes.length);
    ex.getResponseBody().write(bytes);
  }
}
