package io.k8s.cvefeed.cverecord;

import io.k8s.cvefeed.cverecord.CveRecord.Container;
import io.k8s.cvefeed.cverecord.CveRecord.Metric;
import io.k8s.cvefeed.cverecord.CveRecord.Product;
import io.k8s.cvefeed.cverecord.CveRecord.VersionEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Reads a CVE JSON 5 record; anything that is not one is a {@link RecordException}. */
public final class RecordParser {
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final Map<String, String> METRICS =
      Map.of("cvssV3_0", "3.0", "cvssV3_1", "3.1", "cvssV4_0", "4.0");

  private RecordParser() {}

  /**
   * The record in {@code body}.
   *
   * @param expected the CVE id asked for; a record of another id is refused
   * @throws RecordException saying what is wrong with the body
   */
  public static CveRecord parse(String expected, byte[] body) throws RecordException {
    return parse(expected, expected, body);
  }

  /**
   * As {@link #parse(String, byte[])}, naming {@code subject} in messages, e.g. {@code
   * CVE-2024-0001 from cveawg.mitre.org}.
   */
  static CveRecord parse(String expected, String subject, byte[] body) throws RecordException {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JacksonException e) {
      String why = e.getOriginalMessage().lines().findFirst().orElse("");
      int cut = why.indexOf(" (");
      throw new RecordException(
          subject
              + ": the CVE record is not JSON ("
              + (cut < 0 ? why : why.substring(0, cut))
              + ")");
    }
    JsonNode meta = root.path("cveMetadata");
    String id = meta.path("cveId").asString("");
    if (!meta.isObject() || !root.path("dataType").asString("").equals("CVE_RECORD")) {
      throw new RecordException(subject + ": not a CVE JSON 5 record (no cveMetadata/dataType)");
    }
    if (!id.equalsIgnoreCase(expected)) {
      throw new RecordException(subject + ": the API answered the record of " + id);
    }
    CveRecord.State state;
    try {
      state = CveRecord.State.valueOf(meta.path("state").asString("").toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new RecordException(
          subject + ": unknown record state \"" + meta.path("state").asString("") + "\"");
    }
    JsonNode containers = root.path("containers");
    Container cna = containers.has("cna") ? container(containers.path("cna")) : Container.empty();
    List<Container> adp = new ArrayList<>();
    containers.path("adp").forEach(a -> adp.add(container(a)));
    return new CveRecord(
        id, state, text(meta, "datePublished"), text(meta, "dateUpdated"), cna, adp);
  }

  private static Container container(JsonNode c) {
    List<Product> products = new ArrayList<>();
    for (JsonNode a : c.path("affected")) {
      List<VersionEntry> versions = new ArrayList<>();
      for (JsonNode v : a.path("versions")) {
        versions.add(
            new VersionEntry(
                v.path("version").asString(""),
                text(v, "lessThan"),
                text(v, "lessThanOrEqual"),
                v.path("status").asString(""),
                text(v, "versionType")));
      }
      products.add(
          new Product(
              a.path("vendor").asString(""),
              a.path("product").asString(""),
              text(a, "defaultStatus"),
              versions));
    }
    List<Metric> metrics = new ArrayList<>();
    for (JsonNode m : c.path("metrics")) {
      for (Map.Entry<String, String> e : METRICS.entrySet()) {
        JsonNode cvss = m.path(e.getKey());
        String vector = cvss.path("vectorString").asString("");
        if (!vector.isEmpty()) {
          String severity = text(cvss, "baseSeverity");
          metrics.add(
              new Metric(
                  e.getValue(),
                  vector,
                  severity == null ? null : severity.toUpperCase(Locale.ROOT)));
        }
      }
    }
    List<String> cwes = new ArrayList<>();
    for (JsonNode p : c.path("problemTypes")) {
      for (JsonNode d : p.path("descriptions")) {
        String cwe = d.path("cweId").asString("");
        if (!cwe.isEmpty()) {
          cwes.add(cwe);
        }
      }
    }
    return new Container(
        c.path("providerMetadata").path("shortName").asString(""), products, metrics, cwes);
  }

  private static @Nullable String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v != null && v.isString() ? v.asString() : null;
  }
}
