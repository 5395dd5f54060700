package io.k8s.cvefeed.render;

import io.k8s.cvefeed.model.Advisory;
import io.k8s.cvefeed.model.CveId;
import io.k8s.cvefeed.model.Cvss;
import io.k8s.cvefeed.model.Feed;
import io.k8s.cvefeed.model.FeedItem;
import io.k8s.cvefeed.model.RangeEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;

/**
 * {@code osv/<CVE-ID>.json}, one OSV record per CVE id, and {@code osv/all.zip} with all of them.
 * Records are valid against the OSV schema; {@code modified} is the issue's {@code updated_at},
 * never the time of the run. See {@code docs/format.md} for the mapping.
 */
public final class OsvRenderer implements Renderer {
  public static final String DIRECTORY = "osv/";
  public static final String ZIP_PATH = "osv/all.zip";
  static final String SCHEMA_VERSION = "1.7.0";
  static final String ECOSYSTEM = "Kubernetes";

  @Override
  public List<Artifact> render(Feed feed) {
    // Records are independent: render them on all cores; the sort below fixes the order.
    List<Artifact> records =
        new ArrayList<>(Items.of(feed).parallelStream().map(OsvRenderer::artifact).toList());
    records.sort(Comparator.comparing(Artifact::path));
    List<Artifact> out = new ArrayList<>(records);
    byte[] zip = DeterministicZip.of(records, DIRECTORY);
    out.add(Artifact.owning(ZIP_PATH, MediaTypes.ZIP, zip));
    return List.copyOf(out);
  }

  private static Artifact artifact(FeedItem item) {
    return Json.pretty(path(item.id()), MediaTypes.JSON, g -> record(g, item));
  }

  static String path(CveId id) {
    return DIRECTORY + id.value() + ".json";
  }

  /**
   * The OSV severity type of a vector, or null when OSV has none for it. Read from the vector's own
   * prefix, which is what consumers check: Trivy fails its whole database build on a {@code
   * CVSS_V3} score that does not start with {@code CVSS:3.0/} or {@code CVSS:3.1/}.
   */
  static @Nullable String severityType(Cvss cvss) {
    String v = cvss.vector();
    if (v.startsWith("CVSS:3.0/") || v.startsWith("CVSS:3.1/")) {
      return "CVSS_V3";
    }
    return v.startsWith("CVSS:4.0/") ? "CVSS_V4" : null;
  }

  /** The record's {@code modified}: the issue's last update, never before its creation. */
  static Instant modified(Advisory a) {
    return a.updated().isBefore(a.published()) ? a.published() : a.updated();
  }

  private static void record(JsonGenerator g, FeedItem item) {
    Advisory a = item.advisory();
    g.writeStartObject();
    g.writeStringProperty("schema_version", SCHEMA_VERSION);
    g.writeStringProperty("id", item.id().value());
    g.writeStringProperty("modified", Json.timestamp(modified(a)));
    g.writeStringProperty("published", Json.timestamp(a.published()));
    List<CveId> related = a.ids().stream().filter(id -> !id.equals(item.id())).toList();
    if (!related.isEmpty()) {
      g.writeArrayPropertyStart("related");
      related.forEach(id -> g.writeString(id.value()));
      g.writeEndArray();
    }
    g.writeStringProperty("summary", a.summary());
    if (!a.body().isBlank()) {
      g.writeStringProperty("details", a.body());
    }
    severity(g, a.cvss());
    affected(g, a);
    references(g, item);
    databaseSpecific(g, a);
    g.writeEndObject();
  }

  private static void severity(JsonGenerator g, @Nullable Cvss cvss) {
    String type = cvss == null ? null : severityType(cvss);
    if (cvss == null || type == null) {
      return;
    }
    g.writeArrayPropertyStart("severity");
    g.writeStartObject();
    g.writeStringProperty("type", type);
    g.writeStringProperty("score", cvss.vector());
    g.writeEndObject();
    g.writeEndArray();
  }

  /**
   * One entry per component that has a Go module, sorted by module then component: {@code package}
   * names the module (the {@code Kubernetes} ecosystem's package names are Go modules), {@code
   * ecosystem_specific.component} the name people know. A component without a module is left out:
   * no scanner could match it (the extractor reported it).
   */
  private static void affected(JsonGenerator g, Advisory a) {
    Map<String, String> modules = OsvRanges.modules(a.affected());
    List<Map.Entry<String, List<List<RangeEvent>>>> entries =
        OsvRanges.byComponent(a.affected()).entrySet().stream()
            .filter(e -> modules.containsKey(e.getKey()))
            .sorted(
                Comparator.comparing(
                        (Map.Entry<String, List<List<RangeEvent>>> e) ->
                            modules.getOrDefault(e.getKey(), ""))
                    .thenComparing(Map.Entry::getKey))
            .toList();
    if (entries.isEmpty()) {
      return;
    }
    g.writeArrayPropertyStart("affected");
    for (Map.Entry<String, List<List<RangeEvent>>> e : entries) {
      g.writeStartObject();
      g.writeObjectPropertyStart("package");
      g.writeStringProperty("ecosystem", ECOSYSTEM);
      g.writeStringProperty("name", modules.getOrDefault(e.getKey(), ""));
      g.writeEndObject();
      g.writeName("ranges");
      ranges(g, e.getValue());
      g.writeObjectPropertyStart("ecosystem_specific");
      g.writeStringProperty("component", e.getKey());
      g.writeEndObject();
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  /** An array of OSV {@code SEMVER} ranges; also used by the JSON Feed extension. */
  static void ranges(JsonGenerator g, List<List<RangeEvent>> ranges) {
    g.writeStartArray();
    for (List<RangeEvent> events : ranges) {
      g.writeStartObject();
      g.writeStringProperty("type", "SEMVER");
      g.writeArrayPropertyStart("events");
      for (RangeEvent e : events) {
        g.writeStartObject();
        g.writeStringProperty(e.kind().osvName(), e.version());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void references(JsonGenerator g, FeedItem item) {
    g.writeArrayPropertyStart("references");
    if (Links.isPlainHttpUrl(item.advisory().url())) {
      reference(g, "ADVISORY", item.advisory().url());
    }
    reference(g, "ADVISORY", Links.cveRecord(item.id()));
    reference(g, "WEB", Links.announcementSearch(item.id()));
    g.writeEndArray();
  }

  private static void reference(JsonGenerator g, String type, String url) {
    g.writeStartObject();
    g.writeStringProperty("type", type);
    g.writeStringProperty("url", url);
    g.writeEndObject();
  }

  private static void databaseSpecific(JsonGenerator g, Advisory a) {
    g.writeObjectPropertyStart("database_specific");
    g.writeStringProperty("status", a.status().wireName());
    g.writeNumberProperty("issue_number", a.issueNumber());
    g.writeStringProperty("detail_source", a.detailSource().wireName());
    Cvss cvss = a.cvss();
    if (cvss != null) {
      g.writeStringProperty("severity", cvss.severity().name());
      g.writeName("cvss_score");
      g.writeNumber(TableRow.score(cvss.score()));
    }
    ProvenanceJson.write(g, a.provenance());
    g.writeEndObject();
  }
}
