package io.k8s.cvefeed.publish.gcs;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The few Cloud Storage JSON API endpoints the Java client uses to publish, in memory: object
 * metadata, media download, multipart upload with generation preconditions, and delete. Counts
 * writes and refuses (403) the object names a test names, as an IAM condition would.
 */
final class FakeGcs implements AutoCloseable {
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  /** One stored object generation. */
  record StoredObject(
      byte[] bytes,
      long generation,
      String contentType,
      String cacheControl,
      Map<String, String> metadata) {}

  final Map<String, StoredObject> objects = new ConcurrentHashMap<>();
  final Set<String> refused = ConcurrentHashMap.newKeySet();
  final AtomicInteger writes = new AtomicInteger();
  volatile Runnable beforeNextUpload = () -> {};
  final AtomicInteger sinceFault = new AtomicInteger();
  volatile int failAt = -1;
  private final AtomicLong generations = new AtomicLong(1000);
  private final HttpServer server;

  FakeGcs() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newCachedThreadPool()); // a race hook calls back in
    server.start();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Objects of {@code bucket}, by name. */
  Map<String, StoredObject> bucket(String bucket) {
    Map<String, StoredObject> found = new TreeMap<>();
    objects.forEach(
        (k, v) -> {
          if (k.startsWith(bucket + "/")) {
            found.put(k.substring(bucket.length() + 1), v);
          }
        });
    return found;
  }

  @Override
  public void close() {
    server.stop(0);
    ((ExecutorService) server.getExecutor()).shutdownNow();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getRawPath();
      Map<String, String> query = query(ex.getRequestURI().getRawQuery());
      String method = ex.getRequestMethod();
      String[] parts = path.split("/");
      if (method.equals("POST") && path.startsWith("/upload/storage/v1/b/")) {
        upload(ex, decode(parts[5]), query);
      } else if (method.equals("GET")
          && path.startsWith("/storage/v1/b/")
          && parts.length == 6
          && parts[5].equals("o")) {
        list(ex, decode(parts[4]), query);
      } else if (path.startsWith("/storage/v1/b/") && parts.length == 7) {
        String key = decode(parts[4]) + "/" + decode(parts[6]);
        switch (method) {
          case "GET" -> get(ex, key, query);
          case "DELETE" -> delete(ex, key);
          default -> error(ex, 405, "methodNotAllowed", method);
        }
      } else if (path.startsWith("/download/storage/v1/b/") && parts.length == 8) {
        get(ex, decode(parts[5]) + "/" + decode(parts[7]), query);
      } else {
        error(ex, 501, "notImplemented", method + " " + path);
      }
    }
  }

  private void get(HttpExchange ex, String key, Map<String, String> query) throws IOException {
    StoredObject o = objects.get(key);
    String generation = query.get("generation");
    if (o == null || (generation != null && Long.parseLong(generation) != o.generation())) {
      error(ex, 404, "notFound", "No such object: " + key);
    } else if ("media".equals(query.get("alt"))) {
      ex.getResponseHeaders().set("Content-Type", o.contentType());
      ex.getResponseHeaders().set("x-goog-generation", String.valueOf(o.generation()));
      send(ex, 200, o.bytes());
    } else {
      send(ex, 200, JSON.writeValueAsBytes(metadata(key, o)));
    }
  }

  private void upload(HttpExchange ex, String bucket, Map<String, String> query)
      throws IOException {
    byte[] body = ex.getRequestBody().readAllBytes();
    String type = ex.getRequestHeaders().getFirst("Content-Type");
    if (!"multipart".equals(query.get("uploadType")) || type == null) {
      error(ex, 501, "notImplemented", "uploadType " + query.get("uploadType"));
      return;
    }
    Runnable race = beforeNextUpload;
    beforeNextUpload = () -> {};
    race.run();
    byte[][] multipart = multipart(body, type.substring(type.indexOf("boundary=") + 9));
    JsonNode meta = JSON.readTree(multipart[0]);
    String key = bucket + "/" + meta.path("name").asString();
    if (refused.contains(key) || sinceFault.incrementAndGet() == failAt) {
      error(ex, 403, "forbidden", "caller does not have storage.objects.create access");
      return;
    }
    synchronized (this) {
      StoredObject now = objects.get(key);
      String match = query.get("ifGenerationMatch");
      long current = now == null ? 0 : now.generation();
      if (match != null && Long.parseLong(match) != current) {
        error(ex, 412, "conditionNotMet", "At least one of the pre-conditions did not hold.");
        return;
      }
      StoredObject stored =
          new StoredObject(
              multipart[1],
              generations.incrementAndGet(),
              meta.path("contentType").asString("application/octet-stream"),
              meta.path("cacheControl").asString(""),
              customMetadata(meta.path("metadata")));
      objects.put(key, stored);
      writes.incrementAndGet();
      send(ex, 200, JSON.writeValueAsBytes(metadata(key, stored)));
    }
  }

  private void delete(HttpExchange ex, String key) throws IOException {
    if (refused.contains(key) || sinceFault.incrementAndGet() == failAt) {
      error(ex, 403, "forbidden", "caller does not have storage.objects.delete access");
    } else if (objects.remove(key) == null) {
      error(ex, 404, "notFound", "No such object: " + key);
    } else {
      writes.incrementAndGet();
      ex.sendResponseHeaders(204, -1);
    }
  }

  private static Map<String, String> customMetadata(JsonNode node) {
    Map<String, String> m = new TreeMap<>();
    node.properties().forEach(e -> m.put(e.getKey(), e.getValue().asString()));
    return m;
  }

  /** One page holding every object of the bucket under {@code prefix}. */
  private void list(HttpExchange ex, String bucket, Map<String, String> query) throws IOException {
    String prefix = query.getOrDefault("prefix", "");
    ObjectNode page = JSON.createObjectNode();
    page.put("kind", "storage#objects");
    var items = page.putArray("items");
    bucket(bucket)
        .forEach(
            (name, o) -> {
              if (name.startsWith(prefix)) {
                items.add(metadata(bucket + "/" + name, o));
              }
            });
    send(ex, 200, JSON.writeValueAsBytes(page));
  }

  private static ObjectNode metadata(String key, StoredObject o) {
    int slash = key.indexOf('/');
    ObjectNode m = JSON.createObjectNode();
    m.put("kind", "storage#object");
    m.put("bucket", key.substring(0, slash));
    m.put("name", key.substring(slash + 1));
    m.put("id", key + "/" + o.generation());
    m.put("generation", String.valueOf(o.generation()));
    m.put("metageneration", "1");
    m.put("size", String.valueOf(o.bytes().length));
    m.put("contentType", o.contentType());
    m.put("cacheControl", o.cacheControl());
    ObjectNode custom = m.putObject("metadata");
    o.metadata().forEach(custom::put);
    return m;
  }

  /** The two parts of a {@code multipart/related} upload: metadata JSON, then the media. */
  private static byte[][] multipart(byte[] body, String boundary) {
    String text = new String(body, StandardCharsets.ISO_8859_1);
    String delimiter = "--" + boundary.replace("\"", "");
    String[] parts = text.split(java.util.regex.Pattern.quote(delimiter));
    byte[][] result = new byte[2][];
    for (int i = 0; i < 2; i++) {
      String part = parts[i + 1];
      int start = part.indexOf("\r\n\r\n") + 4;
      String content = part.substring(start, part.length() - 2); // drop the CRLF before the next
      result[i] = content.getBytes(StandardCharsets.ISO_8859_1);
    }
    return result;
  }

  private static void error(HttpExchange ex, int code, String reason, String message)
      throws IOException {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode err = root.putObject("error");
    err.put("code", code);
    err.put("message", message);
    err.putArray("errors").addObject().put("reason", reason).put("message", message);
    send(ex, code, JSON.writeValueAsBytes(root));
  }

  private static void send(HttpExchange ex, int code, byte[] body) throws IOException {
    if (!ex.getResponseHeaders().containsKey("Content-Type")) {
      ex.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
    }
    ex.sendResponseHeaders(code, body.length == 0 ? -1 : body.length);
    ex.getResponseBody().write(body);
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> q = new HashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        q.put(
            decode(eq < 0 ? pair : pair.substring(0, eq)),
            eq < 0 ? "" : decode(pair.substring(eq + 1)));
      }
    }
    return q;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
