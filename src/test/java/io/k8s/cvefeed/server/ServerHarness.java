package io.k8s.cvefeed.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/** A real server on a loopback port chosen by the system, with a client and captured logs. */
final class ServerHarness implements AutoCloseable {
  static final byte[] SECRET = "It's a Secret to Everybody".getBytes(StandardCharsets.UTF_8);
  static final String TOKEN = "admin-token-for-tests";

  final Path dir;
  final FakeRunner runner;
  final FeedServer server;
  final List<String> logs = new CopyOnWriteArrayList<>();
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  ServerHarness(Path dir, UnaryOperator<FeedServerBuilder> configure) throws IOException {
    this(dir, configure, r -> {});
  }

  /**
   * @param prepare sets the runner up before the server starts (and runs its first refresh)
   */
  ServerHarness(Path dir, UnaryOperator<FeedServerBuilder> configure, Consumer<FakeRunner> prepare)
      throws IOException {
    this.dir = dir;
    this.runner = new FakeRunner(dir);
    prepare.accept(runner);
    FeedServerBuilder builder =
        FeedServer.builder(dir, runner)
            .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
            .interval(Duration.ofDays(1))
            .jitter(Duration.ZERO)
            .shutdownTimeout(Duration.ofSeconds(30))
            .logSink(logs::add);
    this.server = configure.apply(builder).build().start();
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  HttpResponse<byte[]> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return client.send(
        request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  HttpResponse<byte[]> get(String path, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
    if (headers.length > 0) {
      b.headers(headers);
    }
    return send(b);
  }

  HttpResponse<byte[]> post(String path, byte[] body, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return send(b);
  }

  /** Sends a request line exactly as given (no client normalisation) and returns the status. */
  int rawStatus(String method, String target) throws IOException {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      String request =
          method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = s.getInputStream();
      StringBuilder line = new StringBuilder();
      for (int c = in.read(); c != -1 && c != '\r'; c = in.read()) {
        line.append((char) c);
      }
      return Integer.parseInt(line.toString().split(" ")[1]);
    }
  }

  void awaitIdle() throws InterruptedException {
    if (!server.awaitIdle(Duration.ofSeconds(30))) {
      throw new AssertionError("refreshes did not settle");
    }
  }

  @Override
  public void close() {
    runner.release();
    server.close();
  }
}
