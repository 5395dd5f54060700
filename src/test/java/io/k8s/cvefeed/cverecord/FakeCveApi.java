package io.k8s.cvefeed.cverecord;

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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An in-process CVE Services API on a loopback port: {@code GET /api/cve/{id}} answers the record
 * it was given (with an ETag, and 304 to a matching {@code If-None-Match}), else 404. A test can
 * make one id misbehave: 429 with Retry-After, 500, a slow answer (held until {@link #close()}),
 * malformed JSON. Every request is recorded.
 */
public final class FakeCveApi implements AutoCloseable {
  /** How an id misbehaves. */
  public enum Failure {
    RATE_LIMITED_SHORT,
    RATE_LIMITED_LONG,
    SERVER_ERROR,
    SLOW,
    MALFORMED
  }

  /** One request: the id asked for and its conditional header. */
  public record Request(String id, String ifNoneMatch) {}

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Map<String, byte[]> records = new ConcurrentHashMap<>();
  private final Map<String, Failure> failures = new ConcurrentHashMap<>();
  private final Map<String, Integer> rateLimitedOnce = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);

  private FakeCveApi(HttpServer server) {
    this.server = server;
    server.setExecutor(executor);
    server.createContext("/api/cve/", this::answer);
    server.start();
  }

  public static FakeCveApi start() throws IOException {
    return new FakeCveApi(
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64));
  }

  /** {@code http://127.0.0.1:<port>/api}: pass it as {@code --cve-api}. */
  public URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api");
  }

  public FakeCveApi serve(String id, byte[] body) {
    records.put(id, body);
    return this;
  }

  public FakeCveApi serve(Map<String, byte[]> bodies) {
    records.putAll(bodies);
    return this;
  }

  public FakeCveApi fail(String id, Failure failure) {
    failures.put(id, failure);
    return this;
  }

  FakeCveApi heal(String id) {
    failures.remove(id);
    return this;
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  private void answer(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      String id = path.substring(path.lastIndexOf('/') + 1);
      String inm = ex.getRequestHeaders().getFirst("If-None-Match");
      requests.add(new Request(id, inm == null ? "" : inm));
      Failure f = failures.get(id);
      if (f != null && failed(ex, id, f)) {
        return;
      }
      byte[] body = records.get(id);
      if (body == null) {
        send(
            ex,
            404,
            "{\"error\":\"CVE_RECORD_DNE\",\"message\":\"The cve record does not exist.\"}");
        return;
      }
      String etag = "\"" + Integer.toHexString(java.util.Arrays.hashCode(body)) + "\"";
      ex.getResponseHeaders().set("ETag", etag);
      if (etag.equals(inm)) {
        ex.sendResponseHeaders(304, -1);
        return;
      }
      ex.getResponseHeaders().set("Content-Type", "application/json");
      ex.sendResponseHeaders(200, body.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** Answers with {@code f}; false when the request should be served normally after all. */
  private boolean failed(HttpExchange ex, String id, Failure f) throws IOException {
    switch (f) {
      case RATE_LIMITED_SHORT -> {
        // Once per id: the retry after Retry-After succeeds.
        if (rateLimitedOnce.merge(id, 1, Integer::sum) > 1) {
          return false;
        }
        ex.getResponseHeaders().set("Retry-After", "2");
        send(ex, 429, "{\"error\":\"RATE_LIMIT\"}");
      }
      case RATE_LIMITED_LONG -> {
        ex.getResponseHeaders().set("Retry-After", "3600");
        send(ex, 429, "{\"error\":\"RATE_LIMIT\"}");
      }
      case SERVER_ERROR -> send(ex, 500, "{\"error\":\"INTERNAL\"}");
      case SLOW -> {
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      case MALFORMED -> send(ex, 200, "{\"dataType\": \"CVE_RECORD\", \"cveMetadata\": {");
    }
    return true;
  }

  private static void send(HttpExchange ex, int code, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.sendResponseHeaders(code, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
    executor.shutdownNow();
  }
}
