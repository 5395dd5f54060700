package io.k8s.cvefeed.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.k8s.cvefeed.publish.Manifest;
import io.k8s.cvefeed.render.Artifact;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** verify over HTTP: a release served from a directory by an in-process server. */
class ReleaseReaderIT {
  @TempDir Path dir;
  private HttpServer server;
  private final KeyPair pair = KeyPairFiles.newPair();

  @BeforeEach
  void serve() throws IOException {
    List<Artifact> artifacts = new ArrayList<>();
    artifacts.add(
        Artifact.utf8("official-cve-feed.json", "application/feed+json", "{\"items\":[]}\n"));
    artifacts.add(Artifact.utf8("osv/CVE-2024-0001.json", "application/json", "{\"id\":\"x\"}\n"));
    Artifact manifest =
        Manifest.of("sha256:00", Instant.parse("2024-01-01T00:00:00Z"), List.of(), artifacts)
            .toArtifact();
    artifacts.add(manifest);
    artifacts.add(new ManifestSignature(pair.getPrivate()).sign(manifest));
    for (Artifact a : artifacts) {
      Files.createDirectories(dir.resolve(a.path()).getParent());
      Files.write(dir.resolve(a.path()), a.bytes());
    }
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/feed/",
        exchange -> {
          try (exchange) {
            Path file =
                dir.resolve(exchange.getRequestURI().getPath().substring("/feed/".length()));
            if (!Files.isRegularFile(file)) {
              exchange.sendResponseHeaders(404, -1);
              return;
            }
            byte[] bytes = Files.readAllBytes(file);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private ReleaseVerifier.Result verify() throws InterruptedException {
    URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/feed");
    return new ReleaseVerifier(pair.getPublic()).verify(ReleaseReader.url(base));
  }

  @Test
  void shouldVerifyAReleaseServedOverHttp() throws Exception {
    ReleaseVerifier.Result r = verify();

    assertThat(r.ok()).as(r.message()).isTrue();
    assertThat(r.files()).isEqualTo(2);
  }

  @Test
  void shouldNameAFileTheServerDoesNotHave() throws Exception {
    Files.delete(dir.resolve("osv/CVE-2024-0001.json"));

    ReleaseVerifier.Result r = verify();

    assertThat(r.failedFile()).isEqualTo("osv/CVE-2024-0001.json");
    assertThat(r.message()).contains("/feed/osv/CVE-2024-0001.json", "HTTP 404");
  }
}
