package io.k8s.cvefeed.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8s.cvefeed.render.Artifact;
import io.k8s.cvefeed.render.MediaTypes;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PublishPlanTest {
  private static final Artifact FEED = Artifact.utf8("feed.json", MediaTypes.JSON_FEED, "{}\n");
  private static final Artifact OSV_1 =
      Artifact.utf8("osv/CVE-2026-0001.json", MediaTypes.JSON, "1");
  private static final Artifact OSV_2 =
      Artifact.utf8("osv/CVE-2026-0002.json", MediaTypes.JSON, "2");

  private static Release release(Artifact... artifacts) {
    List<Artifact> list = List.of(artifacts);
    return new Release(
        list, Manifest.of(Manifest.digestOf(list), Instant.EPOCH, List.of("CVE-2026-0001"), list));
  }

  @Test
  void shouldWriteEverythingOnFirstPublish() {
    PublishPlan plan = PublishPlan.of(release(OSV_2, FEED), null);

    assertThat(plan.writes()).containsExactly(FEED, OSV_2);
    assertThat(plan.removals()).isEmpty();
    assertThat(plan.unchanged()).isFalse();
    assertThat(plan.manifest().path()).isEqualTo("manifest.json");
  }

  @Test
  void shouldBeUnchangedWhenDigestAndFilesMatch() {
    Release release = release(FEED, OSV_1);

    assertThat(PublishPlan.of(release, release.manifest()).unchanged()).isTrue();
  }

  @Test
  void shouldWriteOnlyArtifactsWhoseHashOrMediaTypeDiffer() {
    Release before = release(FEED, OSV_1, OSV_2);
    Artifact retyped = Artifact.utf8("feed.json", MediaTypes.JSON, "{}\n");
    Artifact edited = Artifact.utf8("osv/CVE-2026-0001.json", MediaTypes.JSON, "1b");

    PublishPlan plan = PublishPlan.of(release(retyped, edited, OSV_2), before.manifest());

    assertThat(plan.writes()).containsExactly(retyped, edited);
    assertThat(plan.unchanged()).isFalse();
  }

  @Test
  void shouldRemoveWhatThePreviousManifestListedButNeverTheManifest() {
    Release before = release(FEED, OSV_1, OSV_2, Artifact.utf8("manifest.json", "x", "odd"));

    PublishPlan plan = PublishPlan.of(release(FEED, OSV_1), before.manifest());

    assertThat(plan.removals()).containsExactly("osv/CVE-2026-0002.json");
    assertThat(plan.writes()).isEmpty();
    assertThat(plan.unchanged()).isFalse();
  }

  @Test
  void shouldNotCacheTheManifest() {
    assertThat(PublishPlan.cacheControl("manifest.json")).isEqualTo("no-cache");
    assertThat(PublishPlan.cacheControl("feed.json")).isEqualTo("public, max-age=300");
    assertThat(PublishPlan.key("", "feed.json")).isEqualTo("feed.json");
    assertThat(PublishPlan.key("a/b", "feed.json")).isEqualTo("a/b/feed.json");
  }
}
