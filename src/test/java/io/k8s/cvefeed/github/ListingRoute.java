package io.k8s.cvefeed.github;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * A {@link FakeGitHub} route serving a paged GitHub listing, like {@code GET /repos/o/r/issues}:
 * {@code ?page=N} selects the page, answers carry a {@code Link} header (next/last/prev/first, as
 * GitHub writes it) and a weak ETag; a matching {@code If-None-Match} gets 304. Each page can be
 * given a {@link Fault} per attempt.
 */
final class ListingRoute implements FakeGitHub.Route {
  /** What a page does instead of answering normally. */
  sealed interface Fault {}

  /** Answer {@code code} with an error body and extra headers (name, value, ...). */
  record Status(int code, List<String> headers) implements Fault {}

  /** Drop the connection before sending anything. */
  record Reset() implements Fault {}

  /** 200 whose JSON is cut in half (Content-Length matches the cut). */
  record Truncate() implements Fault {}

  /** 200 announcing the full length, half the body, then the connection closes. */
  record CutShort() implements Fault {}

  /** A normal page without the {@code Link} header. */
  record NoLink() implements Fault {}

  /** Send half the body, count down {@code halfSent}, wait for {@code release}, send the rest. */
  record Slow(CountDownLatch halfSent, CountDownLatch release) implements Fault {}

  /** Count down {@code arrived}, then wait (up to 5 s) until it reaches zero; then answer. */
  record Gather(CountDownLatch arrived) implements Fault {}

  private final List<String> items;
  private final int perPage;
  private final Map<Integer, IntFunction<Fault>> faults = new ConcurrentHashMap<>();
  private final Map<Integer, Integer> attempts = new ConcurrentHashMap<>();

  ListingRoute(List<String> items, int perPage) {
    this.items = List.copyOf(items);
    this.perPage = perPage;
  }

  static Status status(int code, String... headers) {
    return new Status(code, List.of(headers));
  }

  /** Page {@code page} does {@code byAttempt.apply(n)} on its n-th request (1-based); null = ok. */
  ListingRoute fault(int page, IntFunction<Fault> byAttempt) {
    faults.put(page, byAttempt);
    return this;
  }

  /** Page {@code page} does {@code fault} on its first request only. */
  ListingRoute faultOnce(int page, Fault fault) {
    return fault(page, attempt -> attempt == 1 ? fault : null);
  }

  /** Page {@code page} does {@code fault} on every request. */
  ListingRoute faultAlways(int page, Fault fault) {
    return fault(page, attempt -> fault);
  }

  int lastPage() {
    return Math.max(1, (items.size() + perPage - 1) / perPage);
  }

  @Override
  public void answer(HttpExchange exchange) throws IOException, InterruptedException {
    String query = exchange.getRequestURI().getRawQuery();
    int page = Math.max(1, page(query == null ? "" : query));
    int attempt = attempts.merge(page, 1, Integer::sum);
    IntFunction<Fault> plan = faults.get(page);
    Fault fault = plan == null ? null : plan.apply(attempt);
    if (fault instanceof Gather gather) {
      gather.arrived().countDown();
      gather.arrived().await(5, TimeUnit.SECONDS);
      fault = null;
    }
    byte[] body = body(page);
    String etag = "W/\"" + sha1(body) + "\"";
    if (fault == null && etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
      exchange.getResponseHeaders().set("ETag", etag);
      link(exchange, page);
      exchange.sendResponseHeaders(304, -1);
      exchange.close();
      return;
    }
    if (fault == null || fault instanceof NoLink) {
      exchange.getResponseHeaders().set("ETag", etag);
      if (fault == null) {
        link(exchange, page);
      }
      send(exchange, body, body.length, body.length);
    } else {
      misbehave(exchange, fault, body);
    }
  }

  private static void misbehave(HttpExchange exchange, Fault fault, byte[] body)
      throws IOException, InterruptedException {
    if (fault instanceof Status status) {
      FakeGitHub.send(
          exchange,
          status.code(),
          "{\"message\":\"fault " + status.code() + "\"}",
          status.headers().toArray(String[]::new));
    } else if (fault instanceof Reset) {
      throw new IOException("reset: the server drops the connection without answering");
    } else if (fault instanceof Truncate) {
      send(exchange, body, body.length / 2, body.length / 2);
    } else if (fault instanceof CutShort) {
      send(exchange, body, body.length, body.length / 2);
    } else if (fault instanceof Slow slow) {
      exchange.sendResponseHeaders(200, body.length);
      OutputStream out = exchange.getResponseBody();
      out.write(body, 0, body.length / 2);
      out.flush();
      slow.halfSent().countDown();
      slow.release().await(5, TimeUnit.SECONDS);
      out.write(body, body.length / 2, body.length - body.length / 2);
      out.close();
    }
  }

  /** Announces {@code length} bytes, writes the first {@code written}, closes. */
  private static void send(HttpExchange exchange, byte[] body, int length, int written)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(200, length == 0 ? -1 : length);
    OutputStream out = exchange.getResponseBody();
    out.write(body, 0, written);
    out.flush();
    if (written < length) {
      // HttpServer closes the connection when a handler throws: the body ends early.
      throw new IOException("cut short: the server drops the connection mid-body");
    }
    out.close();
  }

  private byte[] body(int page) {
    int from = Math.min(items.size(), (page - 1) * perPage);
    int to = Math.min(items.size(), from + perPage);
    return ("[" + String.join(",", items.subList(from, to)) + "]").getBytes(StandardCharsets.UTF_8);
  }

  private void link(HttpExchange exchange, int page) {
    int last = lastPage();
    if (last <= 1) {
      return;
    }
    String host = exchange.getRequestHeaders().getFirst("Host");
    String path = exchange.getRequestURI().getRawPath();
    String query = exchange.getRequestURI().getRawQuery();
    List<String> rels = new ArrayList<>();
    if (page < last) {
      rels.add(link(host, path, query, page + 1, "next"));
      rels.add(link(host, path, query, last, "last"));
    }
    if (page > 1) {
      rels.add(link(host, path, query, page - 1, "prev"));
      rels.add(link(host, path, query, 1, "first"));
    }
    exchange.getResponseHeaders().set("Link", String.join(", ", rels));
  }

  private static String link(String host, String path, String query, int page, String rel) {
    List<String> pairs = new ArrayList<>();
    for (String pair : (query == null ? "" : query).split("&")) {
      if (!pair.isEmpty() && !pair.startsWith("page=")) {
        pairs.add(pair);
      }
    }
    pairs.add("page=" + page);
    return "<http://" + host + path + "?" + String.join("&", pairs) + ">; rel=\"" + rel + "\"";
  }

  /** The {@code page} parameter of {@code query}; 1 when absent. */
  static int page(String query) {
    for (String pair : query.split("&")) {
      if (pair.startsWith("page=")) {
        return Integer.parseInt(pair.substring(5));
      }
    }
    return 1;
  }

  private static String sha1(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
