package io.k8s.cvefeed.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8s.cvefeed.model.Advisory;
import io.k8s.cvefeed.model.Feed;
import io.k8s.cvefeed.model.FeedInfo;
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
}
