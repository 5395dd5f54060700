package io.k8s.cvefeed.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.k8s.cvefeed.github.RawIssue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Which real announcements in shared/data {@code cvefeed label} would find without the label. */
class RealCandidatesTest {
  @Test
  void shouldFindAllButTheSignalFreeRealAnnouncements() throws Exception {
    Path file =
        Path.of(System.getProperty("shared.data", "../shared/data"), "k8s-issues/issues.json");
    assumeTrue(Files.isRegularFile(file), "shared data not present");
    List<String> missed = new ArrayList<>();
    int announcements = 0;
    for (JsonNode n : JsonMapper.builder().build().readTree(Files.readString(file))) {
      if (n.path("_corpus").path("cve_ids").isEmpty()) {
        continue; // a placeholder that never named a CVE
      }
      announcements++;
      List<String> labels = new ArrayList<>();
      n.path("labels").forEach(l -> labels.add(l.path("name").asString()));
      Instant t = Instant.parse(n.path("created_at").asString());
      RawIssue issue =
          new RawIssue(
              n.path("number").asLong(),
              n.path("title").asString(),
              n.path("body").isNull() ? null : n.path("body").asString(),
              n.path("state").asString(),
              null,
              n.path("html_url").asString(),
              t,
              t,
              null,
              labels,
              null);
      // Pretend the feed label is missing: every announcement must still give a reason.
      if (CandidateFinder.classify(issue, "no-such-label") == null) {
        missed.add("#" + issue.number() + " " + issue.title());
      }
    }

    // Six real announcements carry none of the three signals (blank placeholders, "[RESERVED]",
    // and 2017-2018 bug reports later given a CVE): no rule on their text could find them.
    assertThat(announcements).isGreaterThan(40);
    assertThat(missed).hasSizeLessThanOrEqualTo(6);
  }
}
