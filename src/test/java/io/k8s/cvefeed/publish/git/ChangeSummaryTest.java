package io.k8s.cvefeed.publish.git;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8s.cvefeed.publish.Manifest;
import io.k8s.cvefeed.publish.Release;
import io.k8s.cvefeed.render.Artifact;
import io.k8s.cvefeed.render.MediaTypes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChangeSummaryTest {
  /**
   * A JSON Feed with one item per (id, status) pair; status sits where the official feed has it.
   */
  private static Artifact feed(String... idStatus) {
    StringBuilder items = new StringBuilder();
    for (int i = 0; i < idStatus.length; i += 2) {
      items.append(i == 0 ? "" : ",");
      items.append("{\"id\":\"").append(idStatus[i]).append("\",\"status\":\"");
      items.append(idStatus[i + 1]).append("\"}");
    }
    return Artifact.utf8("feed.json", MediaTypes.JSON_FEED, "{\"items\":[" + items + "]}");
  }

  private static Release release(List<String> ids, Artifact... artifacts) {
    List<Artifact> list = List.of(artifacts);
    return new Release(list, Manifest.of(Manifest.digestOf(list), Instant.EPOCH, ids, list));
  }

  @Test
  void shouldListAddedRemovedStatusChangedAndUpdatedCves() {
    Artifact osvKept = Artifact.utf8("osv/CVE-2026-0003.json", MediaTypes.JSON, "v1");
    Release base =
        release(
            List.of("CVE-2026-0001", "CVE-2026-0002", "CVE-2026-0003"),
            feed("CVE-2026-0001", "open", "CVE-2026-0002", "fixed", "CVE-2026-0003", "fixed"),
            osvKept);
    Artifact newFeed =
        feed("CVE-2026-0001", "fixed", "CVE-2026-0003", "fixed", "CVE-2026-0004", "open");
    Release next =
        release(
            List.of("CVE-2026-0001", "CVE-2026-0003", "CVE-2026-0004"),
            newFeed,
            Artifact.utf8("osv/CVE-2026-0003.json", MediaTypes.JSON, "v2"));
    Map<String, byte[]> old = Map.of("feed.json", base.artifacts().get(0).bytes());

    ChangeSummary summary = ChangeSummary.of(base.manifest(), next, old::get);

    assertThat(summary.added()).containsExactly("CVE-2026-0004");
    assertThat(summary.removed()).containsExactly("CVE-2026-0002");
    assertThat(summary.statusChanged()).containsExactly(Map.entry("CVE-2026-0001", "open → fixed"));
    assertThat(summary.updated()).containsExactly("CVE-2026-0003");
    assertThat(summary.markdown("sha256:abc"))
        .isEqualTo(
            """
            Automated update of the official Kubernetes CVE feed.

            Added:
            - CVE-2026-0004

            Removed:
            - CVE-2026-0002

            Status changed:
            - CVE-2026-0001: open → fixed

            Updated:
            - CVE-2026-0003

            Content digest: `sha256:abc`
            """);
  }

  @Test
  void shouldSayWhenNoCveChanged() {
    Release same = release(List.of("CVE-2026-0001"), feed("CVE-2026-0001", "open"));

    ChangeSummary summary = ChangeSummary.of(same.manifest(), same, p -> null);

    assertThat(summary.isEmpty()).isTrue();
    assertThat(summary.markdown("sha256:abc")).contains("No CVE was added, removed or changed");
  }

  @Test
  void shouldIgnoreAnUnreadableOldFeed() {
    Release base = release(List.of("CVE-2026-0001"), feed("CVE-2026-0001", "open"));
    Release next = release(List.of("CVE-2026-0001"), feed("CVE-2026-0001", "fixed"));

    ChangeSummary summary =
        ChangeSummary.of(base.manifest(), next, p -> "not json".getBytes(StandardCharsets.UTF_8));

    assertThat(summary.statusChanged()).isEmpty();
  }
}
