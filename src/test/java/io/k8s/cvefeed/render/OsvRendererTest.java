package io.k8s.cvefeed.render;

import static io.k8s.cvefeed.model.RangeEvent.fixed;
import static io.k8s.cvefeed.model.RangeEvent.introduced;
import static io.k8s.cvefeed.model.RangeEvent.lastAffected;
import static org.assertj.core.api.Assertions.assertThat;

import io.k8s.cvefeed.model.Advisory;
import io.k8s.cvefeed.model.AffectedRange;
import io.k8s.cvefeed.model.CveId;
import io.k8s.cvefeed.model.Cvss;
import io.k8s.cvefeed.model.DetailSource;
import io.k8s.cvefeed.model.Feed;
import io.k8s.cvefeed.model.FeedInfo;
import io.k8s.cvefeed.model.Severity;
import io.k8s.cvefeed.model.Status;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class OsvRendererTest {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private static Map<String, Artifact> render(Feed feed) {
    Map<String, Artifact> byPath = new LinkedHashMap<>();
    new OsvRenderer().render(feed).forEach(a -> byPath.put(a.path(), a));
    return byPath;
  }

  private static JsonNode record(Feed feed, String id) {
    return MAPPER.readTree(render(feed).get("osv/" + id + ".json").bytes());
  }

  /** Shapes the schema is strict about: odd ranges, an unknown CVSS version, no body. */
  static Feed edgeCases() {
    Advisory odd =
        Advisory.basic(
                900505,
                List.of(CveId.of("CVE-2025-0505")),
                "Odd ranges",
                "https://github.com/kubernetes/kubernetes/issues/900505",
                "  \r\n",
                Instant.parse("2025-01-05T00:00:00Z"),
                Instant.parse("2025-01-04T00:00:00Z"),
                Status.FIXED)
            .withDetails(
                new Cvss("2.0", "AV:N/AC:L/Au:N/C:P/I:P/A:P", 7.5, Severity.HIGH),
                List.of(
                    new AffectedRange("kubectl", "k8s.io/kubectl", List.of(fixed("1.24.15"))),
                    new AffectedRange(
                        "kubelet",
                        "k8s.io/kubelet",
                        List.of(
                            introduced("1.27.0"),
                            fixed("1.27.3"),
                            introduced("1.28.0"),
                            lastAffected("1.28.2"))),
                    new AffectedRange("kube-proxy", "k8s.io/kube-proxy", List.of())),
                DetailSource.ANNOUNCEMENT);
    Advisory badUrl =
        Advisory.basic(
            900506,
            List.of(CveId.of("CVE-2025-0506")),
            "Issue URL is not plain http",
            "javascript:alert(1)",
            "b",
            Instant.parse("2025-01-06T00:00:00Z"),
            Instant.parse("2025-01-06T00:00:00Z"),
            Status.OPEN);
    return new Feed(FeedInfo.OFFICIAL, List.of(odd, badUrl), FeedFixtures.UPDATED);
  }

  @Test
  void shouldWriteOneSchemaValidRecordPerCveIdPlusZip() {
    for (Feed feed : List.of(FeedFixtures.basic(), edgeCases())) {
      Map<String, Artifact> artifacts = render(feed);

      assertThat(artifacts).hasSize(feed.items().size() + 1).containsKey("osv/all.zip");
      artifacts.values().stream()
          .filter(a -> a.path().endsWith(".json"))
          .forEach(
              a -> {
                assertThat(a.mediaType()).isEqualTo(MediaTypes.JSON);
                assertThat(OsvSchema.errors(a.bytes())).as(a.path()).isEmpty();
              });
    }
  }

  @Test
  void shouldTakeDatesFromIssueNeverTheRun() {
    JsonNode r = record(FeedFixtures.basic(), "CVE-2023-2727");

    assertThat(r.get("published").stringValue()).isEqualTo("2023-06-13T14:42:07Z");
    assertThat(r.get("modified").stringValue()).isEqualTo("2023-07-03T09:00:00Z");
  }

  @Test
  void shouldNeverDateModifiedBeforePublished() {
    JsonNode r = record(edgeCases(), "CVE-2025-0505");

    assertThat(r.get("modified").stringValue()).isEqualTo("2025-01-05T00:00:00Z");
  }

  @Test
  void shouldListSiblingIdsAsRelatedNotAliases() {
    JsonNode r = record(FeedFixtures.basic(), "CVE-2023-2728");

    assertThat(r.get("id").stringValue()).isEqualTo("CVE-2023-2728");
    assertThat(r.get("related").get(0).stringValue()).isEqualTo("CVE-2023-2727");
    assertThat(r.get("related").size()).isEqualTo(1);
    assertThat(r.has("aliases")).isFalse();
    assertThat(record(FeedFixtures.basic(), "CVE-2024-0001").has("related")).isFalse();
  }

  @Test
  void shouldMapCvssVersionToOsvSeverityType() {
    JsonNode v3 = record(FeedFixtures.basic(), "CVE-2023-2727").get("severity").get(0);
    JsonNode v4 = record(FeedFixtures.basic(), "CVE-2024-10220").get("severity").get(0);

    assertThat(v3.get("type").stringValue()).isEqualTo("CVSS_V3");
    assertThat(v3.get("score").stringValue())
        .isEqualTo("CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:N");
    assertThat(v4.get("type").stringValue()).isEqualTo("CVSS_V4");
    assertThat(record(edgeCases(), "CVE-2025-0505").has("severity")).isFalse();
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0} {1} -> {2}")
  @org.junit.jupiter.params.provider.CsvSource(
      nullValues = "none",
      value = {
        "3.0, CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H, CVSS_V3",
        "3.1, CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H, CVSS_V3",
        "4.0, CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N, CVSS_V4",
        "3.1, AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H, none",
        "2.0, AV:N/AC:L/Au:N/C:P/I:P/A:P, none",
      })
  void shouldTypeASeverityByItsVectorPrefix(String version, String vector, String type) {
    assertThat(OsvRenderer.severityType(new Cvss(version, vector, 9.8, Severity.CRITICAL)))
        .isEqualTo(type);
  }

  @Test
  void shouldNameTheGoModuleAsPackageAndKeepTheComponentName() {
    JsonNode affected = record(FeedFixtures.basic(), "CVE-2023-2727").get("affected");

    // kube-apiserver-alias has no Go module: left out, no scanner could match it.
    assertThat(affected.size()).isEqualTo(1);
    assertThat(affected.get(0).get("package").get("ecosystem").stringValue())
        .isEqualTo("Kubernetes");
    assertThat(affected.get(0).get("package").get("name").stringValue())
        .isEqualTo("k8s.io/apiserver");
    assertThat(affected.get(0).get("ecosystem_specific").get("component").stringValue())
        .isEqualTo("kube-apiserver");
    JsonNode range = affected.get(0).get("ranges").get(0);
    assertThat(range.get("type").stringValue()).isEqualTo("SEMVER");
    assertThat(range.get("events").get(1).get("fixed").stringValue()).isEqualTo("1.27.3");
    assertThat(record(FeedFixtures.basic(), "CVE-2024-0001").has("affected")).isFalse();
  }

  @Test
  void shouldSortAffectedByModule() {
    JsonNode affected = record(edgeCases(), "CVE-2025-0505").get("affected");

    List<String> names = new ArrayList<>();
    affected.forEach(a -> names.add(a.get("package").get("name").stringValue()));
    assertThat(names).containsExactly("k8s.io/kubectl", "k8s.io/kubelet");
  }

  @Test
  void shouldReferenceIssueCveRecordAndAnnouncementSearch() {
    JsonNode refs = record(FeedFixtures.basic(), "CVE-2024-0001").get("references");

    List<String> urls = new ArrayList<>();
    refs.forEach(r -> urls.add(r.get("type").stringValue() + " " + r.get("url").stringValue()));
    assertThat(urls)
        .containsExactly(
            "ADVISORY https://github.com/kubernetes/kubernetes/issues/900202",
            "ADVISORY https://www.cve.org/cverecord?id=CVE-2024-0001",
            "WEB https://groups.google.com/g/kubernetes-announce/search?q=CVE-2024-0001");
    assertThat(record(edgeCases(), "CVE-2025-0506").get("references").size()).isEqualTo(2);
  }

  @Test
  void shouldKeepBodyAsDetailsAndOmitBlankBody() {
    assertThat(record(FeedFixtures.basic(), "CVE-2023-2727").get("details").stringValue())
        .isEqualTo(FeedFixtures.twoIds().body());
    assertThat(record(FeedFixtures.basic(), "CVE-2024-0001").has("details")).isFalse();
    assertThat(record(edgeCases(), "CVE-2025-0505").has("details")).isFalse();
  }

  @Test
  void shouldRecordStatusAndDetailSourceInDatabaseSpecific() {
    JsonNode db = record(FeedFixtures.basic(), "CVE-2024-10220").get("database_specific");

    assertThat(db.get("status").stringValue()).isEqualTo("unfixed");
    assertThat(db.get("detail_source").stringValue()).isEqualTo("osv-block");
    assertThat(db.get("issue_number").longValue()).isEqualTo(900303L);
    assertThat(db.get("severity").stringValue()).isEqualTo("HIGH");
    assertThat(db.get("cvss_score").doubleValue()).isEqualTo(8.7);
  }

  @Test
  void shouldZipEveryRecordSortedWithFixedTimes() throws IOException {
    Map<String, Artifact> artifacts = render(FeedFixtures.basic());

    List<String> names = new ArrayList<>();
    try (ZipInputStream zip =
        new ZipInputStream(new ByteArrayInputStream(artifacts.get("osv/all.zip").bytes()))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        names.add(e.getName());
        assertThat(e.getTimeLocal()).isEqualTo(LocalDateTime.of(1980, 1, 1, 0, 0));
        assertThat(zip.readAllBytes()).isEqualTo(artifacts.get("osv/" + e.getName()).bytes());
      }
    }
    assertThat(names).isSorted().hasSize(6).contains("CVE-2023-2727.json");
  }

  @Test
  void shouldRejectRecordsTheSchemaForbids() {
    String lowerCaseEcosystem =
        "{\"id\":\"CVE-2024-0001\",\"modified\":\"2024-01-01T00:00:00Z\",\"affected\":"
            + "[{\"package\":{\"ecosystem\":\"kubernetes\",\"name\":\"kubelet\"}}]}";
    String noModified = "{\"id\":\"CVE-2024-0001\"}";
    String fixedAndLastAffected =
        "{\"id\":\"CVE-2024-0001\",\"modified\":\"2024-01-01T00:00:00Z\",\"affected\":"
            + "[{\"ranges\":[{\"type\":\"SEMVER\",\"events\":[{\"introduced\":\"0\"},"
            + "{\"fixed\":\"1\"},{\"last_affected\":\"2\"}]}]}]}";

    for (String invalid : List.of(lowerCaseEcosystem, noModified, fixedAndLastAffected)) {
      assertThat(OsvSchema.errors(invalid.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
          .as(invalid)
          .isNotEmpty();
    }
  }

  @Test
  void shouldRenderRecordsConcurrentlyWithoutMixingThem() {
    List<Advisory> many = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      many.add(
          Advisory.basic(
                  1000 + i,
                  List.of(CveId.of("CVE-2020-" + (10000 + i))),
                  "Summary " + i,
                  "https://github.com/kubernetes/kubernetes/issues/" + (1000 + i),
                  "Body " + i,
                  Instant.parse("2020-01-01T00:00:00Z").plusSeconds(i),
                  Instant.parse("2020-01-02T00:00:00Z").plusSeconds(i),
                  Status.FIXED)
              .withDetails(
                  FeedFixtures.twoIds().cvss(),
                  FeedFixtures.twoIds().affected(),
                  DetailSource.ANNOUNCEMENT));
    }

    Map<String, Artifact> together =
        render(new Feed(FeedInfo.OFFICIAL, many, FeedFixtures.UPDATED));

    for (Advisory a : many) {
      Map<String, Artifact> alone =
          render(new Feed(FeedInfo.OFFICIAL, List.of(a), FeedFixtures.UPDATED));
      String path = OsvRenderer.path(a.ids().get(0));
      assertThat(together.get(path)).isEqualTo(alone.get(path));
    }
  }
}
