package io.k8s.cvefeed.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8s.cvefeed.model.Advisory;
import io.k8s.cvefeed.model.CveId;
import io.k8s.cvefeed.model.Feed;
import io.k8s.cvefeed.model.FeedInfo;
import io.k8s.cvefeed.model.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Same feed, same bytes: a second render, any advisory order, and a restamp of a render at another
 * time give identical artifacts.
 */
class RendererPurityTest {
  static Stream<Renderer> renderers() {
    return Renderers.all().stream();
  }

  @ParameterizedTest
  @MethodSource("renderers")
  void shouldGiveSameBytesWhenRenderedTwice(Renderer renderer) {
    Feed feed = FeedFixtures.basic();

    assertThat(renderer.render(feed)).isEqualTo(renderer.render(feed));
  }

  @ParameterizedTest
  @MethodSource("renderers")
  void shouldGiveSameBytesWhenAdvisoriesAreShuffled(Renderer renderer) {
    List<Artifact> expected = renderer.render(FeedFixtures.basic());
    Random random = new Random(42);
    for (int round = 0; round < 10; round++) {
      List<Advisory> shuffled = new ArrayList<>(FeedFixtures.advisories());
      Collections.shuffle(shuffled, random);
      Feed feed = new Feed(FeedInfo.OFFICIAL, shuffled, FeedFixtures.UPDATED);

      assertThat(renderer.render(feed)).as("round %d", round).isEqualTo(expected);
    }
  }

  @ParameterizedTest
  @MethodSource("renderers")
  void shouldRestampToTheBytesOfARenderAtTheNewTime(Renderer renderer) {
    Feed before = new Feed(FeedInfo.OFFICIAL, withStampLookalike(), Instant.EPOCH);
    Feed after = before.withUpdatedAt(Instant.parse("2026-11-23T12:34:56Z"));

    List<Artifact> restamped = renderer.restamp(after, renderer.render(before));

    assertThat(restamped).isEqualTo(renderer.render(after));
  }

  @ParameterizedTest
  @MethodSource("renderers")
  void shouldRenderAgainWhenRestampedWithoutItsPreviousOutput(Renderer renderer) {
    Feed feed = FeedFixtures.basic();

    assertThat(renderer.restamp(feed, List.of())).isEqualTo(renderer.render(feed));
  }

  /** The fixtures plus an issue whose title and body quote the feed's time stamp key. */
  private static List<Advisory> withStampLookalike() {
    List<Advisory> advisories = new ArrayList<>(FeedFixtures.advisories());
    String quote = "{\"updated_at\":\"1970-01-01T00:00:00Z\"}";
    advisories.add(
        Advisory.basic(
            900909,
            List.of(CveId.of("CVE-2025-9999")),
            "A title quoting " + quote,
            "https://github.com/kubernetes/kubernetes/issues/900909",
            "The body quotes " + quote + " too.",
            Instant.parse("2025-01-01T00:00:00Z"),
            Instant.parse("2025-01-02T00:00:00Z"),
            Status.OPEN));
    return advisories;
  }
}
