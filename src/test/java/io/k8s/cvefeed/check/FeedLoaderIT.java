package io.k8s.cvefeed.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code --feed URL}: a published site on a loopback port. */
class FeedLoaderIT {
  private HttpServer server;
  private final List<String> paths = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    byte[] zip = zipOfFixtures();
    byte[] record = Files.readAllBytes(CheckFixtures.osvDir().resolve("CVE-2026-0101.json"));
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        ex -> {
          String path = ex.getRequestURI().getPath();
          paths.add(path);
          byte[] body =
              switch (path) {
                case "/site/osv/all.zip" -> zip;
                case "/site/osv/CVE-2026-0101.json" -> record;
                default -> null;
              };
          ex.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
          if (body != null) {
            ex.getResponseBody().write(body);
          }
          ex.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private static byte[] zipOfFixtures() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out);
        Stream<Path> files = Files.list(CheckFixtures.osvDir())) {
      for (Path f : files.sorted().toList()) {
        z.putNextEntry(new ZipEntry(f.getFileName().toString()));
        z.write(Files.readAllBytes(f));
        z.closeEntry();
      }
    }
    return out.toByteArray();
  }

  private String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  @Test
  void shouldReadTheZipOfAPublishedSite() throws Exception {
    assertThat(FeedLoader.load(url("/site/"))).hasSize(5);
    assertThat(paths).containsExactly("/site/osv/all.zip");
  }

  @Test
  void shouldReadOneRecordByUrl() throws Exception {
    assertThat(FeedLoader.load(url("/site/osv/CVE-2026-0101.json")))
        .extracting(Vulnerability::id)
        .containsExactly("CVE-2026-0101");
  }

  @Test
  void shouldNameTheUrlAndStatusWhenTheFeedIsMissing() {
    assertThatThrownBy(() -> FeedLoader.load(url("/elsewhere/")))
        .isInstanceOf(CheckInputException.class)
        .hasMessage(url("/elsewhere/osv/all.zip") + ": HTTP 404; check the feed URL");
  }
}
