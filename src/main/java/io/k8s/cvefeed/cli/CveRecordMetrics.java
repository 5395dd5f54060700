package io.k8s.cvefeed.cli;

import io.k8s.cvefeed.cverecord.CveRecords;
import io.k8s.cvefeed.cverecord.Health;
import io.k8s.cvefeed.server.ServerMetrics;
import org.jspecify.annotations.Nullable;

/** The CVE record source's health as {@code /metrics} gauges ({@code cvefeed_cve_records_*}). */
final class CveRecordMetrics {
  private CveRecordMetrics() {}

  static void register(ServerMetrics metrics, @Nullable CveRecords records) {
    if (records == null) {
      return;
    }
    metrics.gauge(
        "cvefeed.cve.records.requests",
        "Requests sent to the CVE API since start",
        () -> records.health().requests());
    metrics.gauge(
        "cvefeed.cve.records.failures",
        "CVE API requests without a usable answer since start (network, 429, 5xx, garbage)",
        () -> records.health().failures());
    metrics.gauge(
        "cvefeed.cve.records.from.cache",
        "CVE record lookups answered from the cache within the TTL since start",
        () -> records.health().fromCache());
    metrics.gauge(
        "cvefeed.cve.records.unavailable",
        "CVEs the last refresh had no record for because the API failed",
        () -> records.health().unavailable());
    metrics.gauge(
        "cvefeed.cve.records.last.success.timestamp.seconds",
        "Unix time the CVE API last answered usefully; NaN before the first answer",
        () -> {
          Health h = records.health();
          Long last = h.lastSuccessEpochSeconds();
          return last == null ? Double.NaN : last;
        });
  }
}
