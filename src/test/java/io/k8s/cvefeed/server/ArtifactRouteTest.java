package io.k8s.cvefeed.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArtifactRouteTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "gzip | true",
        "GZIP | true",
        "br, gzip;q=0.5 | true",
        "gzip;q=0 | false",
        "gzip; q=0.0 | false",
        "* | true",
        "identity | false",
        "deflate, br | false",
        "gzip;q=bad | false"
      })
  void shouldGzipOnlyWhenAccepted(String header, boolean expected) {
    assertThat(ArtifactRoute.acceptsGzip(header)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "official-cve-feed.json | application/feed+json",
        "osv/CVE-2023-2727.json | application/json",
        "feed.xml | application/rss+xml",
        "atom.xml | application/atom+xml",
        "index.html | text/html; charset=utf-8",
        "official-cve-feed.md | text/markdown; charset=utf-8",
        "osv/all.zip | application/zip",
        "style.css | text/css; charset=utf-8",
        "app.js | text/javascript; charset=utf-8",
        "official-cve-feed.json.sig | application/octet-stream",
        "README | application/octet-stream"
      })
  void shouldPickTheContentTypeByName(String path, String type) {
    assertThat(ContentTypes.of(path)).isEqualTo(type);
  }
}
