package io.k8s.cvefeed.render;

import static io.k8s.cvefeed.model.RangeEvent.fixed;
import static io.k8s.cvefeed.model.RangeEvent.introduced;
import static io.k8s.cvefeed.model.RangeEvent.lastAffected;
import static org.assertj.core.api.Assertions.assertThat;

import io.k8s.cvefeed.model.AffectedRange;
import io.k8s.cvefeed.model.RangeEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OsvRangesTest {
  @Test
  void shouldKeepWellFormedRangeAsIs() {
    List<RangeEvent> events =
        List.of(introduced("1.27.0"), fixed("1.27.3"), introduced("1.28.0"), fixed("1.28.1"));

    assertThat(OsvRanges.split(events)).containsExactly(events);
  }

  @Test
  void shouldStartFromZeroWhenRangeBeginsWithFixed() {
    assertThat(OsvRanges.split(List.of(fixed("1.24.15"))))
        .containsExactly(List.of(introduced("0"), fixed("1.24.15")));
  }

  @Test
  void shouldMoveLastAffectedSegmentsToTheirOwnRange() {
    List<RangeEvent> events =
        List.of(
            introduced("1.27.0"), fixed("1.27.3"), introduced("1.28.0"), lastAffected("1.28.2"));

    assertThat(OsvRanges.split(events))
        .containsExactly(
            List.of(introduced("1.27.0"), fixed("1.27.3")),
            List.of(introduced("1.28.0"), lastAffected("1.28.2")));
  }

  @Test
  void shouldOpenNewSegmentForSecondEndEvent() {
    assertThat(OsvRanges.split(List.of(introduced("1.0.0"), fixed("1.0.5"), lastAffected("1.2.0"))))
        .containsExactly(
            List.of(introduced("1.0.0"), fixed("1.0.5")),
            List.of(introduced("0"), lastAffected("1.2.0")));
  }

  @Test
  void shouldDropRangesWithoutEvents() {
    assertThat(OsvRanges.split(List.of())).isEmpty();
    assertThat(
            OsvRanges.byComponent(
                List.of(new AffectedRange("kubelet", "k8s.io/kubelet", List.of()))))
        .isEmpty();
  }

  @Test
  void shouldGroupRangesByComponentSortedByName() {
    Map<String, List<List<RangeEvent>>> grouped =
        OsvRanges.byComponent(
            List.of(
                new AffectedRange(
                    "kubelet", "k8s.io/kubelet", List.of(introduced("0"), fixed("1.2.3"))),
                new AffectedRange(
                    "kube-apiserver", "k8s.io/apiserver", List.of(introduced("0"), fixed("1.2.3"))),
                new AffectedRange(
                    "kubelet", "k8s.io/kubelet", List.of(introduced("1.3.0"), fixed("1.3.1")))));

    assertThat(grouped.keySet()).containsExactly("kube-apiserver", "kubelet");
    assertThat(grouped.get("kubelet")).hasSize(2);
  }
}
