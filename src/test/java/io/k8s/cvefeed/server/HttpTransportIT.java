package io.k8s.cvefeed.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP layer itself, over raw sockets so that nothing is normalised by a client: keep-alive,
 * pipelining order across the I/O thread and the worker pool, HTTP/1.0, malformed requests and
 * oversized bodies.
 */
class HttpTransportIT {
  @TempDir Path dir;
  private ServerHarness harness;
  private String feed = "";

  @BeforeEach
  void start() throws Exception {
    Files.writeString(dir.resolve("index.html"), "<!doctype html><title>feed</title>\n");
    harness =
        new ServerHarness(
            dir,
            b -> b.webhookSecret(ServerHarness.SECRET).adminToken(ServerHarness.TOKEN),
            r -> {});
    harness.awaitIdle();
    feed = Files.readString(dir.resolve("official-cve-feed.json"));
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  /** One parsed answer: status, headers (lower-case names) and body. */
  record Answer(int status, Map<String, String> headers, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  @Test
  void shouldAnswerPipelinedRequestsInOrderAcrossInlineAndWorkerRoutes() throws Exception {
    // /readyz and /metrics run on the worker pool, /healthz and a cached file on the I/O thread;
    // the answers must still leave in request order on the one connection.
    harness.get("/official-cve-feed.json"); // cache the file
    try (Socket s = socket()) {
      String requests =
          get("/readyz")
              + get("/healthz")
              + get("/metrics")
              + get("/official-cve-feed.json")
              + get("/index.html")
              + get("/healthz");
      write(s, requests);
      InputStream in = s.getInputStream();
      List<Answer> answers = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        answers.add(read(in, false));
      }
      assertThat(answers).extracting(Answer::status).containsOnly(200);
      assertThat(answers.get(0).text()).startsWith("ready");
      assertThat(answers.get(1).text()).isEqualTo("ok\n");
      assertThat(answers.get(2).text()).contains("cvefeed_http_requests_total");
      assertThat(answers.get(3).text()).isEqualTo(feed).contains("jsonfeed.org");
      assertThat(answers.get(4).text()).contains("<title>feed</title>");
      assertThat(answers.get(5).text()).isEqualTo("ok\n");
      assertThat(answers).allSatisfy(a -> assertThat(a.headers()).containsKey("date"));
    }
  }

  @Test
  void shouldKeepTheConnectionOpenForManySequentialRequests() throws Exception {
    try (Socket s = socket()) {
      InputStream in = s.getInputStream();
      for (int i = 0; i < 50; i++) {
        write(s, get(i % 2 == 0 ? "/official-cve-feed.json" : "/readyz"));
        Answer a = read(in, false);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.headers()).doesNotContainKey("connection");
      }
    }
  }

  @Test
  void shouldCloseAfterAnHttp10RequestWithoutKeepAlive() throws Exception {
    try (Socket s = socket()) {
      write(s, "GET /healthz HTTP/1.0\r\n\r\n");
      InputStream in = s.getInputStream();
      Answer a = read(in, false);
      assertThat(a.status()).isEqualTo(200);
      assertThat(a.headers()).containsEntry("connection", "close");
      assertThat(in.read()).as("connection closed").isEqualTo(-1);
    }
  }

  @Test
  void shouldAnswerHeadWithTheBodyLengthAndNoBodyThenGoOn() throws Exception {
    try (Socket s = socket()) {
      write(s, "HEAD /official-cve-feed.json HTTP/1.1\r\nHost: x\r\n\r\n" + get("/healthz"));
      InputStream in = s.getInputStream();
      Answer head = read(in, true);
      assertThat(head.status()).isEqualTo(200);
      assertThat(head.headers())
          .containsEntry(
              "content-length", Integer.toString(feed.getBytes(StandardCharsets.UTF_8).length));
      assertThat(head.body()).isEmpty();
      assertThat(read(in, false).text()).isEqualTo("ok\n");
    }
  }

  @Test
  void shouldRefuseAMalformedRequestLineWith400AndClose() throws Exception {
    try (Socket s = socket()) {
      write(s, "GET /healthz HTTP/1.1 extra\r\nHost: x\r\n\r\n");
      InputStream in = s.getInputStream();
      Answer a = read(in, false);
      assertThat(a.status()).isEqualTo(400);
      assertThat(a.text()).startsWith("bad request");
      assertThat(in.read()).isEqualTo(-1);
    }
    assertThat(harness.logs).anyMatch(l -> l.contains("malformed request"));
  }

  @Test
  void shouldRefuseHeadersOverTheLimitWith400() throws Exception {
    try (Socket s = socket()) {
      write(s, "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(10_000) + "\r\n\r\n");
      assertThat(read(s.getInputStream(), false).status()).isEqualTo(400);
    }
  }

  @Test
  void shouldRefuseAnOversizedChunkedWebhookWith413AndServeTheNextRequest() throws Exception {
    try (Socket s = socket()) {
      StringBuilder request =
          new StringBuilder(
              "POST /hooks/github HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
      String chunk = "a".repeat(64 * 1024);
      for (int i = 0; i < 17; i++) { // 17 × 64 KiB > 1 MiB
        request
            .append(Integer.toHexString(chunk.length()))
            .append("\r\n")
            .append(chunk)
            .append("\r\n");
      }
      request.append("0\r\n\r\n");
      write(s, request + get("/healthz"));
      InputStream in = s.getInputStream();
      Answer a = read(in, false);
      assertThat(a.status()).isEqualTo(413);
      assertThat(read(in, false).text()).isEqualTo("ok\n");
    }
  }

  @Test
  void shouldAnswer413AndCloseOnceABodyPassesTheDrainLimit() throws Exception {
    long declared = WebhookRoute.DRAIN_LIMIT + 8L * 1024 * 1024;
    try (Socket s = socket()) {
      write(
          s, "POST /hooks/github HTTP/1.1\r\nHost: x\r\nContent-Length: " + declared + "\r\n\r\n");
      OutputStream out = s.getOutputStream();
      byte[] block = new byte[1024 * 1024];
      Thread sender =
          new Thread(
              () -> {
                try {
                  for (long sent = 0; sent < declared; sent += block.length) {
                    out.write(block);
                  }
                } catch (IOException closedByServer) {
                  // expected once the server has answered and closed
                }
              });
      sender.start();
      InputStream in = s.getInputStream();
      Answer a = read(in, false);
      assertThat(a.status()).isEqualTo(413);
      assertThat(a.headers()).containsEntry("connection", "close");
      int next;
      try {
        next = in.read();
      } catch (SocketException reset) {
        next = -1;
      }
      assertThat(next).as("connection closed after the answer").isEqualTo(-1);
      sender.join(10_000);
    }
  }

  @Test
  void shouldStripQueryAndAcceptAbsoluteFormTargets() throws Exception {
    assertThat(harness.rawStatus("GET", "/healthz?x=1")).isEqualTo(200);
    assertThat(harness.rawStatus("GET", "http://localhost/healthz")).isEqualTo(200);
    assertThat(harness.rawStatus("GET", "*")).isEqualTo(404);
  }

  @Test
  void shouldMapRequestTargetsToRawPaths() {
    assertThat(HttpTransport.rawPath("/a/b?q=1#f")).isEqualTo("/a/b");
    assertThat(HttpTransport.rawPath("/a%2Fb")).isEqualTo("/a%2Fb");
    assertThat(HttpTransport.rawPath("http://h:1/x/y?z")).isEqualTo("/x/y");
    assertThat(HttpTransport.rawPath("http://h")).isEqualTo("/");
    assertThat(HttpTransport.rawPath("../secret")).isEqualTo("../secret");
    assertThat(HttpTransport.rawPath("*")).isEqualTo("*");
  }

  private Socket socket() throws IOException {
    Socket s = new Socket(InetAddress.getLoopbackAddress(), harness.server.port());
    s.setSoTimeout(10_000);
    return s;
  }

  private static String get(String path) {
    return "GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n";
  }

  private static void write(Socket s, String request) throws IOException {
    OutputStream out = s.getOutputStream();
    out.write(request.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  /** Reads one answer with a {@code Content-Length} (or none, for 304 and HEAD). */
  private static Answer read(InputStream in, boolean head) throws IOException {
    String status = line(in);
    Map<String, String> headers = new LinkedHashMap<>();
    for (String h = line(in); !h.isEmpty(); h = line(in)) {
      int colon = h.indexOf(':');
      headers.put(
          h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
    }
    int code = Integer.parseInt(status.split(" ")[1]);
    int length =
        head || code == 304 ? 0 : Integer.parseInt(headers.getOrDefault("content-length", "0"));
    return new Answer(code, headers, in.readNBytes(length));
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c == -1) {
        throw new IOException("connection closed mid-answer");
      }
      if (c != '\r') {
        b.write(c);
      }
    }
    return b.toString(StandardCharsets.ISO_8859_1);
  }
}
