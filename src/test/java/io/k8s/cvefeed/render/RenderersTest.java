package io.k8s.cvefeed.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8s.cvefeed.model.Advisory;
import io.k8s.cvefeed.model.Feed;
import io.k8s.cvefeed.model.FeedInfo;
import io.k8s.cvefeed.model.Status;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RenderersTest {
  @Test
  void shouldRenderEveryFormatSortedByPath() {
    List<Artifact> artifacts = Renderers.renderAll(FeedFixtures.basic());

    assertThat(artifacts)
        .extracting(Artifact::path)
        .isSorted()
        .doesNotHaveDuplicates()
        .containsExactly(
            "assets/cvefeed.css",
            "assets/cvefeed.js",
            "assets/favicon.svg",
            "atom.xml",
            "cve/CVE-2017-1002101.html",
            "cve/CVE-2023-2727.html",
            "cve/CVE-2023-2728.html",
            "cve/CVE-2024-0001.html",
            "cve/CVE-2024-10220.html",
            "cve/CVE-2024-9999.html",
            "feed.xml",
            "index.html",
            "official-cve-feed.json",
            "official-cve-feed.md",
            "osv/CVE-2017-1002101.json",
            "osv/CVE-2023-2727.json",
            "osv/CVE-2023-2728.json",
            "osv/CVE-2024-0001.json",
            "osv/CVE-2024-10220.json",
            "osv/CVE-2024-9999.json",
            "osv/all.zip");
  }

  @Test
  void shouldRenderEnvelopeFilesForEmptyFeed() {
    List<Artifact> artifacts =
        Renderers.renderAll(new Feed(FeedInfo.OFFICIAL, List.of(), FeedFixtures.UPDATED));

    assertThat(artifacts)
        .extracting(Artifact::path)
        .containsExactly(
            "assets/cvefeed.css",
            "assets/cvefeed.js",
            "assets/favicon.svg",
            "atom.xml",
            "feed.xml",
            "index.html",
            "official-cve-feed.json",
            "official-cve-feed.md",
            "osv/all.zip");
  }

  @Test
  void shouldGiveSameBytesForShuffledInputAndSecondRender() {
    List<Artifact> expected = Renderers.renderAll(FeedFixtures.basic());
    List<Advisory> shuffled = new ArrayList<>(FeedFixtures.advisories());
    Collections.shuffle(shuffled, new Random(7));

    assertThat(Renderers.renderAll(new Feed(FeedInfo.OFFICIAL, shuffled, FeedFixtures.UPDATED)))
        .isEqualTo(expected);
    assertThat(Renderers.renderAll(FeedFixtures.basic())).isEqualTo(expected);
  }

  @Test
  void shouldChangeOnlyEnvelopeFilesWhenOnlyUpdatedAtChanges() {
    List<Artifact> before = Renderers.renderAll(FeedFixtures.basic());
    List<Artifact> after =
        Renderers.renderAll(
            FeedFixtures.basic().withUpdatedAt(FeedFixtures.UPDATED.plusSeconds(60)));

    List<String> changed = new ArrayList<>();
    for (int i = 0; i < before.size(); i++) {
      if (!before.get(i).equals(after.get(i))) {
        changed.add(before.get(i).path());
      }
    }
    assertThat(changed)
        .containsExactlyInAnyOrder(
            "atom.xml", "feed.xml", "index.html", "official-cve-feed.json", "official-cve-feed.md");
  }

  @Test
  void shouldRenderEachCveIdOnceFromNewestIssueWhenTwoIssuesShareIt() {
    Advisory older = FeedFixtures.hostileTitle();
    Advisory newer =
        Advisory.basic(
            900999,
            older.ids(),
            "Re-filed announcement",
            "https://github.com/kubernetes/kubernetes/issues/900999",
            "",
            older.published().plusSeconds(3600),
            older.published().plusSeconds(3600),
            Status.FIXED);

    List<Artifact> artifacts =
        Renderers.renderAll(
            new Feed(FeedInfo.OFFICIAL, List.of(older, newer), FeedFixtures.UPDATED));

    assertThat(artifacts).extracting(Artifact::path).contains("osv/CVE-2024-0001.json");
    Artifact feedJson =
        artifacts.stream()
            .filter(a -> a.path().equals(JsonFeedRenderer.PATH))
            .findFirst()
            .orElseThrow();
    String json = new String(feedJson.bytes(), StandardCharsets.UTF_8);
    assertThat(json).contains("Re-filed announcement").doesNotContain("\\u003cscript");
    assertThat(json.split("\"id\":\"CVE-2024-0001\"", -1)).hasSize(2);
  }

  @Test
  void shouldListEveryTimeDependentArtifactAmongTheStampedRenderers() {
    Feed feed = FeedFixtures.basic();
    List<Artifact> early = Renderers.renderAll(feed.withUpdatedAt(java.time.Instant.EPOCH));
    List<Artifact> late =
        Renderers.renderAll(feed.withUpdatedAt(java.time.Instant.parse("2030-01-01T00:00:00Z")));
    java.util.Set<String> stampedPaths = new java.util.HashSet<>();
    Renderers.of(java.util.EnumSet.allOf(Format.class))
        .renderStamped(feed)
        .forEach(a -> stampedPaths.add(a.path()));

    assertThat(late)
        .extracting(Artifact::path)
        .containsExactlyElementsOf(early.stream().map(Artifact::path).toList());
    for (int i = 0; i < early.size(); i++) {
      if (!early.get(i).equals(late.get(i))) {
        assertThat(stampedPaths)
            .as(
                "%s depends on updatedAt, so Renderers.stamped() must render it",
                early.get(i).path())
            .contains(early.get(i).path());
      }
    }
  }

  @Test
  void shouldSplitEveryArtifactIntoStampedOrTimelessOnce() {
    Feed feed = FeedFixtures.basic();
    Renderers renderers = Renderers.of(java.util.EnumSet.allOf(Format.class));
    List<Artifact> stamped = renderers.renderStamped(feed);
    List<Artifact> timeless = renderers.renderTimeless(feed);
    List<Artifact> both = new java.util.ArrayList<>(stamped);
    both.addAll(timeless);

    assertThat(both).containsExactlyInAnyOrderElementsOf(renderers.render(feed));
    assertThat(stamped).isNotEmpty().doesNotContainAnyElementsOf(timeless);
    assertThat(timeless).isNotEmpty();
    assertThat(renderers.renderTimeless(feed.withUpdatedAt(java.time.Instant.EPOCH)))
        .containsExactlyElementsOf(timeless);
  }
}
