package io.k8s.cvefeed.cverecord;

import java.nio.charset.StandardCharsets;

/** Hand-written records and a clock tests move. */
public final class Fixtures {
  private Fixtures() {}

  /** A rejected record, shaped as the API serves one (no affected, no metrics). */
  public static byte[] rejected(String id) {
    return ("""
        {"dataType": "CVE_RECORD", "dataVersion": "5.1",
         "cveMetadata": {"cveId": "%s", "state": "REJECTED", "assignerShortName": "kubernetes",
                         "dateRejected": "2024-01-02T00:00:00Z"},
         "containers": {"cna": {"providerMetadata": {"shortName": "kubernetes"},
           "rejectedReasons": [{"lang": "en", "value": "Duplicate of another id."}]}}}
        """)
        .formatted(id)
        .getBytes(StandardCharsets.UTF_8);
  }

  /** A published record for kubelet: affected below 1.30.2, vector given. */
  public static byte[] kubelet(String id) {
    return ("""
        {"dataType": "CVE_RECORD", "dataVersion": "5.1",
         "cveMetadata": {"cveId": "%s", "state": "PUBLISHED", "dateUpdated": "2024-06-01T00:00:00Z"},
         "containers": {"cna": {"providerMetadata": {"shortName": "kubernetes"},
           "affected": [{"vendor": "Kubernetes", "product": "kubelet", "defaultStatus": "unaffected",
             "versions": [{"version": "1.30.0", "lessThan": "1.30.2", "status": "affected",
                           "versionType": "semver"}]}],
           "metrics": [{"cvssV3_1": {"vectorString": "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H",
                                     "baseSeverity": "HIGH", "baseScore": 8.8}}]}}}
        """)
        .formatted(id)
        .getBytes(StandardCharsets.UTF_8);
  }
}
