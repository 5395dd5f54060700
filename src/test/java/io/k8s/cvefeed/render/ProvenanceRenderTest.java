package io.k8s.cvefeed.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8s.cvefeed.model.Advisory;
import io.k8s.cvefeed.model.AffectedRange;
import io.k8s.cvefeed.model.CveId;
import io.k8s.cvefeed.model.DetailSource;
import io.k8s.cvefeed.model.Feed;
import io.k8s.cvefeed.model.FeedInfo;
import io.k8s.cvefeed.model.Provenance;
import io.k8s.cvefeed.model.RangeEvent;
import io.k8s.cvefeed.model.Status;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Values filled from a CVE record say so in both the JSON feed and OSV; a limit stays valid OSV.
 */
class ProvenanceRenderTest {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  /** CVE-2019-11244's shape: the issue says "kubectl v1.8.0+", the record bounds it by lines. */
  private static Advisory filled() {
    return Advisory.basic(
            76676,
            List.of(CveId.of("CVE-2019-11244")),
            "kubectl cache world-writable",
            "https://github.com/kubernetes/kubernetes/issues/76676",
            "body",
            Instant.parse("2019-04-22T00:00:00Z"),
            Instant.parse("2019-04-22T00:00:00Z"),
            Status.FIXED)
        .withDetails(
            null,
            List.of(
                new AffectedRange(
                    "kubectl", "k8s.io/kubectl", List.of(RangeEvent.introduced("1.8.0")))),
            DetailSource.ANNOUNCEMENT)
        .withFilled(
            null,
            List.of(
                new AffectedRange(
                    "kubernetes",
                    "k8s.io/kubernetes",
                    List.of(
                        RangeEvent.introduced("1.8.0"),
                        RangeEvent.limit("1.9.0"),
                        RangeEvent.introduced("1.14.0"),
                        RangeEvent.limit("1.15.0")))),
            new Provenance(null, DetailSource.CVE_RECORD, "2024-08-02T00:00:00Z"));
  }

  private static Feed feed() {
    return new Feed(FeedInfo.OFFICIAL, List.of(filled()), FeedFixtures.UPDATED);
  }

  @Test
  void shouldWriteProvenanceInTheJsonFeedExtension() {
    JsonNode feed = MAPPER.readTree(new JsonFeedRenderer().render(feed()).get(0).bytes());
    JsonNode ext = feed.path("items").get(0).path("_cvefeed");
    assertThat(ext.path("detail_source").asString()).isEqualTo("announcement");
    assertThat(ext.path("provenance").toString())
        .isEqualTo("{\"affected\":\"cve-record\",\"cve_record_updated\":\"2024-08-02T00:00:00Z\"}");
  }

  @Test
  void shouldWriteProvenanceAndASchemaValidLimitInOsv() {
    Artifact record =
        new OsvRenderer()
            .render(feed()).stream()
                .filter(a -> a.path().equals("osv/CVE-2019-11244.json"))
                .findFirst()
                .orElseThrow();
    assertThat(OsvSchema.errors(record.bytes())).isEmpty();
    JsonNode osv = MAPPER.readTree(record.bytes());
    assertThat(osv.path("database_specific").path("provenance").path("affected").asString())
        .isEqualTo("cve-record");
    assertThat(osv.path("affected").get(0).path("ranges").get(0).path("events").toString())
        .isEqualTo(
            "[{\"introduced\":\"1.8.0\"},{\"limit\":\"1.9.0\"},"
                + "{\"introduced\":\"1.14.0\"},{\"limit\":\"1.15.0\"}]");
  }

  @Test
  void shouldShowALimitAsAnUpperBoundWithoutAFix() {
    assertThat(AffectedRow.of(filled().affected()))
        .contains(new AffectedRow("kubernetes", ">= 1.8.0, < 1.9.0", null));
  }
}
