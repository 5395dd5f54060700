package io.k8s.cvefeed.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private final Backoff backoff =
      new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), new Random(42));

  @Test
  void shouldDoubleCeilingPerFailureUpToMax() {
    assertThat(backoff.ceiling(1)).isEqualTo(Duration.ofMillis(500));
    assertThat(backoff.ceiling(2)).isEqualTo(Duration.ofSeconds(1));
    assertThat(backoff.ceiling(4)).isEqualTo(Duration.ofSeconds(4));
    assertThat(backoff.ceiling(7)).isEqualTo(Duration.ofSeconds(30));
    assertThat(backoff.ceiling(200)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void shouldSpreadDelaysOverWholeRangeWithFullJitter() {
    Set<Long> seen = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      Duration delay = backoff.delay(3);
      assertThat(delay).isBetween(Duration.ZERO, Duration.ofSeconds(2));
      seen.add(delay.toMillis() / 500); // which quarter of [0, 2 s]
    }
    assertThat(seen).contains(0L, 1L, 2L, 3L);
  }

  @Test
  void shouldNotWaitWithZeroBase() {
    Backoff none = new Backoff(Duration.ZERO, Duration.ZERO, new Random(1));
    assertThat(none.delay(3)).isZero();
  }
}
