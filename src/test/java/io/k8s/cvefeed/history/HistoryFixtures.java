package io.k8s.cvefeed.history;

import io.k8s.cvefeed.model.Advisory;
import io.k8s.cvefeed.model.AffectedRange;
import io.k8s.cvefeed.model.CveId;
import io.k8s.cvefeed.model.Cvss;
import io.k8s.cvefeed.model.DetailSource;
import io.k8s.cvefeed.model.Feed;
import io.k8s.cvefeed.model.FeedInfo;
import io.k8s.cvefeed.model.FeedItem;
import io.k8s.cvefeed.model.RangeEvent;
import io.k8s.cvefeed.model.Severity;
import io.k8s.cvefeed.model.Status;
import io.k8s.cvefeed.publish.Manifest;
import io.k8s.cvefeed.publish.PublishException;
import io.k8s.cvefeed.publish.PublishResult;
import io.k8s.cvefeed.publish.Publisher;
import io.k8s.cvefeed.publish.Release;
import io.k8s.cvefeed.render.Artifact;
import io.k8s.cvefeed.render.JsonFeedRenderer;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Hand-made advisories, a JSON Feed with the {@code _cvefeed} extension, a memory target. */
final class HistoryFixtures {
  static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private HistoryFixtures() {}

  /** One advisory; issue number 100 + the CVE's sequence keeps numbers distinct. */
  static Advisory advisory(
      String cve, String summary, Status status, @Nullable Severity severity, String fixed) {
    CveId id = CveId.of(cve);
    long number = 100_000 + Long.parseLong(cve.substring(9));
    Cvss cvss =
        severity == null ? null : new Cvss("3.1", "CVSS:3.1/AV:N/" + severity, 5.0, severity);
    List<AffectedRange> ranges =
        List.of(
            new AffectedRange(
                "kube-apiserver",
                "k8s.io/apiserver",
                List.of(RangeEvent.introduced("1.30.0"), RangeEvent.fixed(fixed))));
    return Advisory.basic(
            number,
            List.of(id),
            summary,
            "https://github.com/kubernetes/kubernetes/issues/" + number,
            "Body of " + cve + ".",
            T0.minusSeconds(number),
            T0,
            status)
        .withDetails(cvss, ranges, DetailSource.ANNOUNCEMENT);
  }

  static Advisory withBody(Advisory a, String body) {
    return new Advisory(
        a.issueNumber(),
        a.ids(),
        a.summary(),
        a.url(),
        body,
        a.published(),
        a.updated(),
        a.status(),
        a.cvss(),
        a.affected(),
        a.detailSource(),
        a.labelProvenance());
  }

  static Feed feed(Advisory... advisories) {
    return new Feed(FeedInfo.OFFICIAL, List.of(advisories), T0);
  }

  /**
   * {@code official-cve-feed.json} with a {@code _cvefeed} object per item carrying severity,
   * vector and ranges, in the shape the render package writes it.
   */
  static byte[] feedJson(Feed feed) {
    byte[] plain = new JsonFeedRenderer().render(feed).get(0).bytes();
    ObjectNode root = (ObjectNode) JSON.readTree(plain);
    Map<String, Advisory> byId = new HashMap<>();
    for (FeedItem i : feed.items()) {
      byId.put(i.id().value(), i.advisory());
    }
    for (JsonNode n : root.path("items")) {
      Advisory a = byId.get(n.path("id").asString());
      ObjectNode ext = ((ObjectNode) n).putObject("_cvefeed");
      if (a.cvss() != null) {
        ext.put("severity", a.cvss().severity().name());
        ext.put("cvss_vector", a.cvss().vector());
      }
      ArrayNode affected = ext.putArray("affected");
      for (AffectedRange r : a.affected()) {
        ObjectNode c = affected.addObject();
        c.put("component", r.component());
        ArrayNode events =
            c.putArray("ranges").addObject().put("type", "SEMVER").putArray("events");
        r.events().forEach(e -> events.addObject().put(e.kind().osvName(), e.version()));
      }
    }
    return (JSON.writeValueAsString(root) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** A target held in memory; it can be told to fail. */
  static final class MemoryPublisher implements Publisher {
    final Map<String, byte[]> files = new TreeMap<>();
    boolean failing;
    int publishes;

    @Override
    public String target() {
      return "memory://primary";
    }

    @Override
    public @Nullable Manifest published() throws PublishException {
      byte[] m = files.get(Manifest.PATH);
      return m == null ? null : Manifest.parse(m, target());
    }

    @Override
    public PublishResult publish(Release release, @Nullable Manifest previous)
        throws PublishException {
      if (failing) {
        throw new PublishException(target() + ": refused by the test");
      }
      publishes++;
      for (Artifact a : release.artifacts()) {
        files.put(a.path(), a.bytes());
      }
      files.put(Manifest.PATH, release.manifest().toArtifact().bytes());
      return new PublishResult(target(), release.artifacts().size() + 1, 0);
    }

    @Override
    public byte @Nullable [] read(String path) {
      return files.get(path);
    }
  }
}
