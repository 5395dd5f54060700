package io.k8s.cvefeed.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class ArtifactServingIT {
  @TempDir static Path temp;
  private ServerHarness h;
  private Path dir;

  @BeforeAll
  void start() throws Exception {
    dir = temp.resolve("feed");
    h = new ServerHarness(dir, b -> b.fileRecheck(Duration.ZERO));
    h.awaitIdle(); // the start refresh has published; now lay out our own files
    // A file next to the directory that no request may reach.
    Files.writeString(temp.resolve("secret.txt"), "outside\n");
    Files.createSymbolicLink(dir.resolve("secret-link"), temp.resolve("secret.txt"));
    Files.createDirectories(dir.resolve("osv"));
    // Long and repetitive, so gzip pays off.
    write(
        "official-cve-feed.json",
        "{\"items\":[" + "{\"id\":\"CVE-2023-2727\"},".repeat(500) + "{}]}\n");
    write("index.html", "<!doctype html><title>feed</title>\n");
    write("feed.xml", "<rss version=\"2.0\"></rss>\n");
    write("atom.xml", "<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>\n");
    write("osv/CVE-2023-2727.json", "{\"id\":\"CVE-2023-2727\"}\n");
    write("official-cve-feed.md", "# Feed\n");
    write("osv/all.zip", "PK\u0003\u0004");
    write(".official-cve-feed.json.tmp", "{\"half\":");
  }

  @AfterAll
  void stop() {
    h.close();
  }

  private void write(String name, String content) throws IOException {
    Path tmp = dir.resolve(".write.tmp");
    Files.writeString(tmp, content, StandardCharsets.UTF_8);
    Files.move(
        tmp,
        dir.resolve(name),
        StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }

  @Test
  void shouldServeFeedWithValidatorsCorsAndCaching() throws Exception {
    HttpResponse<byte[]> r = h.get("/official-cve-feed.json");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo(Files.readAllBytes(dir.resolve("official-cve-feed.json")));
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/feed+json");
    assertThat(r.headers().firstValue("ETag"))
        .hasValueSatisfying(e -> assertThat(e).matches("\"[0-9a-f]{64}\""));
    assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    assertThat(r.headers().firstValue("Cache-Control"))
        .hasValueSatisfying(c -> assertThat(c).contains("max-age"));
    long modified =
        Files.getLastModifiedTime(dir.resolve("official-cve-feed.json")).toMillis() / 1000;
    String lastModified = r.headers().firstValue("Last-Modified").orElseThrow();
    assertThat(
            ZonedDateTime.parse(lastModified, DateTimeFormatter.RFC_1123_DATE_TIME).toEpochSecond())
        .isEqualTo(modified);
  }

  @ParameterizedTest
  @CsvSource({
    "/, text/html; charset=utf-8",
    "/index.html, text/html; charset=utf-8",
    "/feed.xml, application/rss+xml",
    "/atom.xml, application/atom+xml",
    "/osv/CVE-2023-2727.json, application/json",
    "/official-cve-feed.md, text/markdown; charset=utf-8",
    "/osv/all.zip, application/zip",
    "/manifest.json, application/json"
  })
  void shouldServeEachArtifactWithItsContentType(String path, String type) throws Exception {
    HttpResponse<byte[]> r = h.get(path);

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue(type);
  }

  @Test
  void shouldAnswer304WhenEtagMatchesEvenInAListOrWeak() throws Exception {
    String etag = h.get("/official-cve-feed.json").headers().firstValue("ETag").orElseThrow();

    HttpResponse<byte[]> same = h.get("/official-cve-feed.json", "If-None-Match", etag);
    HttpResponse<byte[]> list =
        h.get("/official-cve-feed.json", "If-None-Match", "\"nope\", W/" + etag);
    HttpResponse<byte[]> other = h.get("/official-cve-feed.json", "If-None-Match", "\"nope\"");

    assertThat(same.statusCode()).isEqualTo(304);
    assertThat(same.body()).isEmpty();
    assertThat(same.headers().firstValue("ETag")).hasValue(etag);
    assertThat(list.statusCode()).isEqualTo(304);
    assertThat(other.statusCode()).isEqualTo(200);
  }

  @Test
  void shouldAnswer304WhenNotModifiedSinceUnlessEtagDiffers() throws Exception {
    String lastModified = h.get("/feed.xml").headers().firstValue("Last-Modified").orElseThrow();

    HttpResponse<byte[]> since = h.get("/feed.xml", "If-Modified-Since", lastModified);
    HttpResponse<byte[]> before =
        h.get("/feed.xml", "If-Modified-Since", "Thu, 01 Jan 1970 00:00:00 GMT");
    HttpResponse<byte[]> etagWins =
        h.get("/feed.xml", "If-Modified-Since", lastModified, "If-None-Match", "\"nope\"");

    assertThat(since.statusCode()).isEqualTo(304);
    assertThat(before.statusCode()).isEqualTo(200);
    assertThat(etagWins.statusCode()).isEqualTo(200);
  }

  @Test
  void shouldGzipWhenAcceptedWithItsOwnEtag() throws Exception {
    HttpResponse<byte[]> plain = h.get("/official-cve-feed.json");
    HttpResponse<byte[]> gz = h.get("/official-cve-feed.json", "Accept-Encoding", "br, gzip");
    HttpResponse<byte[]> refused = h.get("/official-cve-feed.json", "Accept-Encoding", "gzip;q=0");

    assertThat(gz.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(gz.headers().firstValue("Vary")).hasValue("Accept-Encoding");
    assertThat(gz.body().length).isLessThan(plain.body().length);
    assertThat(new GZIPInputStream(new ByteArrayInputStream(gz.body())).readAllBytes())
        .isEqualTo(plain.body());
    assertThat(gz.headers().firstValue("ETag")).isNotEqualTo(plain.headers().firstValue("ETag"));
    assertThat(refused.headers().firstValue("Content-Encoding")).isEmpty();
    String gzEtag = gz.headers().firstValue("ETag").orElseThrow();
    assertThat(
            h.get("/official-cve-feed.json", "Accept-Encoding", "gzip", "If-None-Match", gzEtag)
                .statusCode())
        .isEqualTo(304);
  }

  @Test
  void shouldServeTheNewVersionOnceAFileIsReplaced() throws Exception {
    write("osv/CVE-2024-1.json", "{\"id\":\"CVE-2024-1\",\"v\":1}\n");
    HttpResponse<byte[]> first = h.get("/osv/CVE-2024-1.json");
    write("osv/CVE-2024-1.json", "{\"id\":\"CVE-2024-1\",\"v\":2}\n");
    String oldEtag = first.headers().firstValue("ETag").orElseThrow();

    HttpResponse<byte[]> second = h.get("/osv/CVE-2024-1.json", "If-None-Match", oldEtag);

    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(new String(second.body(), StandardCharsets.UTF_8)).contains("\"v\":2");
    assertThat(second.headers().firstValue("ETag"))
        .isNotEqualTo(first.headers().firstValue("ETag"));
  }

  @Test
  void shouldAnswerHeadWithLengthAndNoBody() throws Exception {
    HttpResponse<byte[]> r =
        h.send(
            HttpRequest.newBuilder(h.uri("/feed.xml"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEmpty();
    assertThat(r.headers().firstValue("Content-Length"))
        .hasValue(Long.toString(Files.size(dir.resolve("feed.xml"))));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/../secret.txt",
        "/osv/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E/secret.txt",
        "/osv/%2e%2e/%2e%2e/secret.txt",
        "/osv/..%2f..%2fsecret.txt",
        "/osv%2fCVE-2023-2727.json",
        "/..%5csecret.txt",
        "/osv/./CVE-2023-2727.json",
        "//secret.txt",
        "/secret-link",
        "/.official-cve-feed.json.tmp",
        "/%2eofficial-cve-feed.json.tmp",
        "/osv/%c0%ae%c0%ae/secret.txt",
        "/index.html%00.json",
        "/osv/",
        "/osv",
        "/missing.json",
        "http://127.0.0.1/../secret.txt",
        "../secret.txt"
      })
  void shouldAnswer404OutsideTheArtifactSet(String target) throws Exception {
    assertThat(h.rawStatus("GET", target)).as(target).isEqualTo(404);
  }

  @Test
  void shouldRefuseMethodsOtherThanGetHeadAndPost() throws Exception {
    assertThat(h.rawStatus("PUT", "/official-cve-feed.json")).isEqualTo(405);
    assertThat(h.rawStatus("DELETE", "/official-cve-feed.json")).isEqualTo(405);
    assertThat(h.rawStatus("POST", "/official-cve-feed.json")).isEqualTo(405);
    assertThat(h.rawStatus("GET", "/hooks/github")).isEqualTo(405);
  }
}
