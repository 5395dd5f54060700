package io.k8s.cvefeed.github;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process GitHub REST API on a loopback port: each test registers the routes it needs (by
 * exact path, e.g. {@code /repos/o/r/issues}); unknown paths answer GitHub's 404. Every request is
 * recorded, and the highest number of requests in progress at once is kept, to prove concurrency.
 */
final class FakeGitHub implements AutoCloseable {
  /** Answers one request; must send a response or close the exchange. */
  @FunctionalInterface
  interface Route {
    void answer(HttpExchange exchange) throws IOException, InterruptedException;
  }

  /** One request as the server saw it; header names are case-insensitive. */
  record Request(String method, String path, String query, Map<String, List<String>> headers) {
    Optional<String> header(String name) {
      List<String> values = headers.get(name);
      return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Map<String, Route> routes = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();

  private FakeGitHub(HttpServer server) {
    this.server = server;
    server.setExecutor(executor);
    server.createContext("/", this::dispatch);
    server.start();
  }

  static FakeGitHub start() throws IOException {
    return new FakeGitHub(
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64));
  }

  /** {@code http://127.0.0.1:<port>}: pass it as the API base URL. */
  URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Answers requests for {@code path} with {@code route}, replacing any earlier one. */
  FakeGitHub route(String path, Route route) {
    routes.put(path, route);
    return this;
  }

  /** Serves {@code items} (JSON objects) at {@code path}, {@code perPage} per page. */
  FakeListing listing(String path, List<String> items, int perPage) {
    FakeListing listing = new FakeListing(items, perPage);
    route(path, listing);
    return listing;
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  /** The requests whose query has {@code page=<page>} (page 1: no page parameter, or page=1). */
  List<Request> requestsForPage(int page) {
    return requests.stream().filter(r -> FakeListing.page(r.query()) == page).toList();
  }

  int maxInFlight() {
    return maxInFlight.get();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  /** Sends {@code body} as JSON with {@code headers} given as name, value, name, value... */
  static void json(HttpExchange exchange, int status, String body, String... headers)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    for (int i = 0; i + 1 < headers.length; i += 2) {
      exchange.getResponseHeaders().add(headers[i], headers[i + 1]);
    }
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private void dispatch(HttpExchange exchange) throws IOException {
    URI uri = exchange.getRequestURI();
    String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
    requests.add(new Request(exchange.getRequestMethod(), uri.getRawPath(), query, headers));
    int now = inFlight.incrementAndGet();
    maxInFlight.accumulateAndGet(now, Math::max);
    try {
      Route route = routes.get(uri.getRawPath());
      if (route == null) {
        json(exchange, 404, "{\"message\":\"Not Found\",\"status\":\"404\"}");
      } else {
        route.answer(exchange);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      exchange.close();
    } finally {
      inFlight.decrementAndGet();
    }
  }
}
