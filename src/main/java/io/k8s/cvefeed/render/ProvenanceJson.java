package io.k8s.cvefeed.render;

import io.k8s.cvefeed.model.DetailSource;
import io.k8s.cvefeed.model.Provenance;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;

/**
 * The {@code provenance} member of {@code _cvefeed} (JSON feed) and {@code database_specific}
 * (OSV): where each value came from, written only when some value did not come from {@code
 * detail_source} (the CVE record filled it in), so feeds without filled values keep their bytes.
 */
final class ProvenanceJson {
  private ProvenanceJson() {}

  static void write(JsonGenerator g, @Nullable Provenance p) {
    if (p == null || !p.usesCveRecord()) {
      return;
    }
    g.writeObjectPropertyStart("provenance");
    source(g, "cvss", p.cvss());
    source(g, "affected", p.affected());
    if (p.cveRecordUpdated() != null) {
      g.writeStringProperty("cve_record_updated", p.cveRecordUpdated());
    }
    g.writeEndObject();
  }

  private static void source(JsonGenerator g, String field, @Nullable DetailSource source) {
    if (source != null) {
      g.writeStringProperty(field, source.wireName());
    }
  }
}
