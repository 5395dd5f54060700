package io.k8s.cvefeed.render;

import static io.k8s.cvefeed.model.RangeEvent.fixed;
import static io.k8s.cvefeed.model.RangeEvent.introduced;
import static io.k8s.cvefeed.model.RangeEvent.lastAffected;
import static org.assertj.core.api.Assertions.assertThat;

import io.k8s.cvefeed.model.AffectedRange;
import java.util.List;
import org.junit.jupiter.api.Test;

class AffectedRowTest {
  @Test
  void shouldWriteEachSpanWithItsFixedVersion() {
    List<AffectedRow> rows =
        AffectedRow.of(
            List.of(
                new AffectedRange(
                    "kube-apiserver",
                    "k8s.io/apiserver",
                    List.of(
                        introduced("1.27.0"), fixed("1.27.3"), introduced("0"), fixed("1.26.6")))));

    assertThat(rows)
        .containsExactly(
            new AffectedRow("kube-apiserver", ">= 1.27.0, < 1.27.3", "1.27.3"),
            new AffectedRow("kube-apiserver", "< 1.26.6", "1.26.6"));
  }

  @Test
  void shouldHaveNoFixedVersionForLastAffectedOrOpenEndedSpans() {
    assertThat(
            AffectedRow.of(
                List.of(
                    new AffectedRange(
                        "kubelet",
                        "k8s.io/kubelet",
                        List.of(introduced("0"), lastAffected("1.28.11"))),
                    new AffectedRange("kubectl", "k8s.io/kubectl", List.of(introduced("1.30.0"))),
                    new AffectedRange("kube-proxy", "k8s.io/kube-proxy", List.of(introduced("0"))),
                    new AffectedRange(
                        "kubeadm",
                        "k8s.io/kubeadm",
                        List.of(introduced("1.29.0"), lastAffected("1.29.4"))))))
        .containsExactly(
            new AffectedRow("kube-proxy", "all versions", null),
            new AffectedRow("kubeadm", ">= 1.29.0, <= 1.29.4", null),
            new AffectedRow("kubectl", ">= 1.30.0", null),
            new AffectedRow("kubelet", "<= 1.28.11", null));
  }

  @Test
  void shouldStartFromZeroWhenTheAnnouncementGivesOnlyAFixedVersion() {
    assertThat(
            AffectedRow.of(
                List.of(new AffectedRange("kubelet", "k8s.io/kubelet", List.of(fixed("1.24.15"))))))
        .containsExactly(new AffectedRow("kubelet", "< 1.24.15", "1.24.15"));
  }

  @Test
  void shouldSkipComponentsWithoutEvents() {
    assertThat(AffectedRow.of(List.of(new AffectedRange("kubelet", "k8s.io/kubelet", List.of()))))
        .isEmpty();
  }
}
