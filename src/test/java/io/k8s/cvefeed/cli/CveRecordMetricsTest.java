package io.k8s.cvefeed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8s.cvefeed.cverecord.CveRecords;
import io.k8s.cvefeed.server.FeedServer;
import io.k8s.cvefeed.server.ServerMetrics;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve}'s /metrics names the CVE record source's health. */
class CveRecordMetricsTest {
  @TempDir Path dir;

  @Test
  void shouldExposeTheRecordSourcesHealth() throws Exception {
    CveRecords records =
        new CveRecords(
            URI.create("http://127.0.0.1:9/api"),
            dir,
            CveRecords.DEFAULT_TTL,
            1,
            CveRecords.httpClient(),
            Duration.ofSeconds(1),
            Clock.systemUTC(),
            d -> {});
    try (FeedServer server = FeedServer.builder(dir, () -> null).build()) {
      ServerMetrics metrics = server.metrics();
      CveRecordMetrics.register(metrics, records);
      assertThat(metrics.scrape())
          .contains(
              "cvefeed_cve_records_requests 0.0",
              "cvefeed_cve_records_failures 0.0",
              "cvefeed_cve_records_from_cache 0.0",
              "cvefeed_cve_records_unavailable 0.0",
              "cvefeed_cve_records_last_success_timestamp_seconds NaN");
    }
  }
}
