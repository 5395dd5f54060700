package io.k8s.cvefeed.extract;

import io.k8s.cvefeed.github.RawIssue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Reads shared/data/k8s-issues/issues.json (real announcements) for real-data tests. */
final class RealIssues {
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  /** One corpus entry: the issue as GitHub shapes it, and the corpus's own CVE ids. */
  record Entry(RawIssue issue, List<String> corpusIds, JsonNode corpus) {}

  private RealIssues() {}

  /** The shared data directory, from the {@code shared.data} system property. */
  static Path dataDir() {
    return Path.of(System.getProperty("shared.data", "../shared/data"));
  }

  static Path issuesFile() {
    return dataDir().resolve("k8s-issues/issues.json");
  }

  static List<Entry> load() throws IOException {
    JsonNode root = JSON.readTree(Files.readString(issuesFile()));
    List<Entry> entries = new ArrayList<>();
    for (JsonNode n : root) {
      List<String> ids = new ArrayList<>();
      n.path("_corpus").path("cve_ids").forEach(id -> ids.add(id.asString()));
      entries.add(new Entry(toIssue(n), ids, n.path("_corpus")));
    }
    return entries;
  }

  private static RawIssue toIssue(JsonNode n) {
    List<String> labels = new ArrayList<>();
    n.path("labels").forEach(l -> labels.add(l.path("name").asString()));
    Instant created = Instant.parse(n.path("created_at").asString());
    return new RawIssue(
        n.path("number").asLong(),
        n.path("title").asString(),
        n.path("body").isNull() ? null : n.path("body").asString(),
        n.path("state").asString(),
        n.path("state_reason").isNull() ? null : n.path("state_reason").asString(),
        n.path("html_url").asString(),
        created,
        n.hasNonNull("updated_at") ? Instant.parse(n.path("updated_at").asString()) : created,
        null,
        labels,
        n.path("user").path("login").asString(null));
  }
}
