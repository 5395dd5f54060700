package io.k8s.cvefeed.cverecord;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the feed uses of one CVE JSON 5 record. The CNA's container (what the Kubernetes CNA wrote)
 * is kept apart from the ADP containers (what others, e.g. CISA, added later).
 *
 * @param id the CVE id as the record states it
 * @param state {@code PUBLISHED}, {@code REJECTED} or {@code RESERVED}
 * @param datePublished as written, or {@code null}
 * @param dateUpdated as written, or {@code null}
 * @param cna the CNA's container (empty for a rejected record)
 * @param adp the ADP containers, in record order
 */
public record CveRecord(
    String id,
    State state,
    @Nullable String datePublished,
    @Nullable String dateUpdated,
    Container cna,
    List<Container> adp) {

  public CveRecord {
    adp = List.copyOf(adp);
  }

  /** {@code cveMetadata.state}. */
  public enum State {
    PUBLISHED,
    REJECTED,
    RESERVED
  }

  /**
   * One container: {@code containers.cna} or one of {@code containers.adp[]}.
   *
   * @param shortName {@code providerMetadata.shortName}, e.g. {@code kubernetes}, {@code CISA-ADP}
   * @param affected {@code affected[]}
   * @param metrics the CVSS vectors of {@code metrics[]}
   * @param cwes the CWE ids of {@code problemTypes[].descriptions[]}
   */
  public record Container(
      String shortName, List<Product> affected, List<Metric> metrics, List<String> cwes) {
    public Container {
      affected = List.copyOf(affected);
      metrics = List.copyOf(metrics);
      cwes = List.copyOf(cwes);
    }

    static Container empty() {
      return new Container("", List.of(), List.of(), List.of());
    }
  }

  /** One {@code affected[]} entry: a product and its version entries. */
  public record Product(
      String vendor, String product, @Nullable String defaultStatus, List<VersionEntry> versions) {
    public Product {
      versions = List.copyOf(versions);
    }
  }

  /**
   * One {@code versions[]} entry, every field as written.
   *
   * @param status {@code affected}, {@code unaffected} or {@code unknown}
   */
  public record VersionEntry(
      String version,
      @Nullable String lessThan,
      @Nullable String lessThanOrEqual,
      String status,
      @Nullable String versionType) {

    /** The entry as JSON-ish text for messages. */
    @Override
    public String toString() {
      StringBuilder s = new StringBuilder("{version: \"").append(version).append('"');
      if (lessThan != null) {
        s.append(", lessThan: \"").append(lessThan).append('"');
      }
      if (lessThanOrEqual != null) {
        s.append(", lessThanOrEqual: \"").append(lessThanOrEqual).append('"');
      }
      s.append(", status: \"").append(status).append('"');
      if (versionType != null) {
        s.append(", versionType: \"").append(versionType).append('"');
      }
      return s.append('}').toString();
    }
  }

  /**
   * One CVSS metric.
   *
   * @param version {@code 3.0}, {@code 3.1} or {@code 4.0}
   * @param vector the {@code vectorString}
   * @param baseSeverity as the record states it, upper case, or {@code null}
   */
  public record Metric(String version, String vector, @Nullable String baseSeverity) {}

  /** The CNA's preferred vector: CVSS v3.1, then v3.0, then v4.0. */
  public @Nullable Metric cnaMetric() {
    for (String v : List.of("3.1", "3.0", "4.0")) {
      for (Metric m : cna.metrics()) {
        if (m.version().equals(v)) {
          return m;
        }
      }
    }
    return null;
  }
}
