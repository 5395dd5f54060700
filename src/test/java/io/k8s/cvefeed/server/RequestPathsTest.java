package io.k8s.cvefeed.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestPathsTest {
  @ParameterizedTest
  @CsvSource({
    "/, index.html",
    "/official-cve-feed.json, official-cve-feed.json",
    "/osv/CVE-2023-2727.json, osv/CVE-2023-2727.json",
    // an encoded letter is still the same file
    "/osv/CVE-2023-2727%2Ejson, osv/CVE-2023-2727.json",
    // dots inside a name are fine
    "/feed.v1..json, feed.v1..json"
  })
  void shouldMapPlainPathsIntoTheDirectory(String raw, String relative) {
    assertThat(RequestPaths.relative(raw)).isEqualTo(relative);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "relative.json",
        "/..",
        "/../etc/passwd",
        "/osv/../manifest.json",
        "/%2e%2e/etc/passwd",
        "/%2E%2e/etc/passwd",
        "/osv%2fCVE.json",
        "/osv%2FCVE.json",
        "/..%5cetc",
        "/a\\b",
        "/osv/./x.json",
        "//etc/passwd",
        "/osv/",
        "/.git/config",
        "/%2egit/config",
        "/x%00.json",
        "/%c0%ae%c0%ae/etc/passwd",
        "/%zz",
        "/%2",
        "/C:/windows"
      })
  void shouldRefuseAnythingThatCouldLeaveTheDirectory(String raw) {
    assertThat(RequestPaths.relative(raw)).isNull();
  }
}
