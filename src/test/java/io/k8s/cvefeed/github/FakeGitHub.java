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
import java.util.stream.Stream;

/**
 * The tests' one in-process GitHub REST API, on a loopback port. A test gives a path a {@link
 * Route} (code that answers every request for that path, such as a paged {@link ListingRoute} with
 * faults and ETags), or gives one exact request ({@code METHOD path?query}) a canned {@link
 * Answer}; the exact answer wins over the route, and anything else gets GitHub's 404. Every request
 * is recorded with its headers and body, and the highest number of requests in progress at once is
 * kept, to prove concurrency.
 */
public final class FakeGitHub implements AutoCloseable {
  /** Answers one request; must send a response or close the exchange. */
  @FunctionalInterface
  public interface Route {
    void answer(HttpExchange exchange) throws IOException, InterruptedException;
  }

  /** A canned answer to one exact request: status, JSON body and extra headers. */
  public record Answer(int status, String body, Map<String, String> headers) {}

  /** One request as the server saw it; header names are case-insensitive. */
  public record Request(
      String method, String path, String query, Map<String, List<String>> headers, String body) {
    public Optional<String> header(String name) {
      List<String> values = headers.get(name);
      return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The path, then {@code ?query} when there is one: the key of a canned {@link Answer}. */
    public String pathAndQuery() {
      return query.isEmpty() ? path : path + "?" + query;
    }

    /** The {@code Authorization} header; empty when there is none. */
    public String authorization() {
      return header("Authorization").orElse("");
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Map<String, Route> routes = new ConcurrentHashMap<>();
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();

  private FakeGitHub(HttpServer server) {
    this.server = server;
    server.setExecutor(executor);
    server.createContext("/", this::dispatch);
    server.start();
  }

  public static FakeGitHub start() throws IOException {
    return new FakeGitHub(
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64));
  }

  /** {@code http://127.0.0.1:<port>}: pass it as the API base URL. */
  public URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Answers requests for {@code path} (any method, any query) with {@code route}. */
  public FakeGitHub route(String path, Route route) {
    routes.put(path, route);
    return this;
  }

  /** Serves {@code items} (JSON objects) at {@code path}, {@code perPage} per page. */
  ListingRoute listing(String path, List<String> items, int perPage) {
    ListingRoute listing = new ListingRoute(items, perPage);
    route(path, listing);
    return listing;
  }

  /** Answers exactly {@code METHOD pathAndQuery} with {@code answer}. */
  public FakeGitHub answer(String method, String pathAndQuery, Answer answer) {
    answers.put(method + " " + pathAndQuery, answer);
    return this;
  }

  /** Answers exactly {@code METHOD pathAndQuery} with 200 and {@code json}. */
  public FakeGitHub json(String method, String pathAndQuery, String json) {
    return answer(method, pathAndQuery, new Answer(200, json, Map.of()));
  }

  /**
   * Answers exactly {@code GET pathAndQuery} with 200, {@code json} and a {@code Link} naming
   * {@code nextPathAndQuery} as both the next and the last page, as GitHub does on the first of
   * two.
   */
  public FakeGitHub page(String pathAndQuery, String json, String nextPathAndQuery) {
    String next = "<" + base() + nextPathAndQuery + ">";
    String link = next + "; rel=\"next\", " + next + "; rel=\"last\"";
    return answer("GET", pathAndQuery, new Answer(200, json, Map.of("Link", link)));
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** The requests whose query has {@code page=<page>} (page 1: no page parameter, or page=1). */
  List<Request> requestsForPage(int page) {
    return requests.stream().filter(r -> ListingRoute.page(r.query()) == page).toList();
  }

  /** How many requests had method {@code method} and a path and query containing {@code part}. */
  public long count(String method, String part) {
    return requests.stream()
        .filter(r -> r.method().equals(method) && r.pathAndQuery().contains(part))
        .count();
  }

  /** Forgets the requests recorded so far; routes and answers stay. */
  public void forgetRequests() {
    requests.clear();
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
  public static void send(HttpExchange exchange, int status, String body, String... headers)
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
    Request request = record(exchange);
    int now = inFlight.incrementAndGet();
    maxInFlight.accumulateAndGet(now, Math::max);
    try {
      Answer answer = answers.get(request.method() + " " + request.pathAndQuery());
      Route route = routes.get(request.path());
      if (answer != null) {
        send(exchange, answer);
      } else if (route != null) {
        route.answer(exchange);
      } else {
        send(exchange, 404, "{\"message\":\"Not Found\",\"status\":\"404\"}");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      exchange.close();
    } finally {
      inFlight.decrementAndGet();
    }
  }

  private Request record(HttpExchange exchange) throws IOException {
    URI uri = exchange.getRequestURI();
    String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Request request =
        new Request(exchange.getRequestMethod(), uri.getRawPath(), query, headers, body);
    requests.add(request);
    return request;
  }

  private static void send(HttpExchange exchange, Answer answer) throws IOException {
    String[] headers =
        answer.headers().entrySet().stream()
            .flatMap(h -> Stream.of(h.getKey(), h.getValue()))
            .toArray(String[]::new);
    send(exchange, answer.status(), answer.body(), headers);
  }
}
