package io.k8s.cvefeed.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.k8s.cvefeed.model.AffectedRange;
import io.k8s.cvefeed.model.RangeEvent;
import io.k8s.cvefeed.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CheckerTest {
  private static Target target(Set<String> components, String version, String source)
      throws Exception {
    return new Target(components, RunningVersion.parse(version), List.of(source));
  }

  @Test
  void shouldCheckAMixedVersionClusterComponentByComponent() throws Exception {
    List<Vulnerability> feed = FeedLoader.load(CheckFixtures.osvDir().toString());
    List<Target> cluster =
        List.of(
            target(ComponentNames.CONTROL_PLANE, "v1.30.2-eks-1234", "server /version"),
            target(Set.of("kubelet"), "v1.30.2-eks-1234", "node a"),
            target(Set.of("kubelet"), "v1.29.4+k3s1", "node b"),
            target(Set.of("kubelet"), "1.28.15-gke.1", "node c"),
            target(Set.of("kube-proxy"), "v1.30.2-eks-1234", "node a"),
            target(Set.of("kube-proxy"), "1.28.15-gke.1", "node c"));
    List<String> problems = new ArrayList<>();

    List<Finding> findings = Checker.check(feed, cluster, problems);

    assertThat(findings)
        .extracting(
            f -> f.vulnerability().id(),
            Finding::component,
            f -> f.running().raw(),
            CheckReport::fixedIn)
        .containsExactly(
            tuple("CVE-2026-0105", "kubernetes", "v1.30.2-eks-1234", "1.30.3"),
            tuple("CVE-2026-0102", "kubelet", "1.28.15-gke.1", "none (last affected 1.29.5)"),
            tuple("CVE-2026-0102", "kubelet", "v1.29.4+k3s1", "none (last affected 1.29.5)"),
            tuple("CVE-2026-0101", "kube-apiserver", "v1.30.2-eks-1234", "1.30.4"),
            tuple("CVE-2026-0103", "kube-proxy", "1.28.15-gke.1", "1.28.20"));
    assertThat(problems).isEmpty();
  }

  @ParameterizedTest(name = "{0} names {1}")
  @CsvSource({
    "kube-apiserver, kube-apiserver",
    "k8s.io/apiserver, kube-apiserver",
    "k8s.io/controller-manager, kube-controller-manager",
    "k8s.io/kubelet, kubelet",
    "k8s.io/kubernetes, kubernetes",
    "Kubelet, kubelet",
    "sigs.k8s.io/secrets-store-csi-driver, secrets-store-csi-driver",
    "ingress-nginx, ingress-nginx",
  })
  void shouldNameComponentsCanonically(String name, String canonical) {
    assertThat(ComponentNames.canonical(name)).isEqualTo(canonical);
  }

  @Test
  void shouldReportOneFindingPerComponentAndVersionAndSkipUnreadableRanges() throws Exception {
    Vulnerability v =
        new Vulnerability(
            "CVE-2026-0401",
            "two ranges, one overlapping, one with a git hash",
            Severity.MEDIUM,
            null,
            "fixed",
            "u",
            List.of(
                new AffectedRange(
                    "kubelet",
                    "k8s.io/kubelet",
                    List.of(RangeEvent.introduced("0"), RangeEvent.fixed("1.30.5"))),
                new AffectedRange(
                    "kubelet",
                    "k8s.io/kubelet",
                    List.of(RangeEvent.introduced("1.30.0"), RangeEvent.fixed("1.30.5"))),
                new AffectedRange(
                    "kubelet",
                    "k8s.io/kubelet",
                    List.of(RangeEvent.introduced("0"), RangeEvent.fixed("abc123")))));
    List<String> problems = new ArrayList<>();

    List<Finding> findings =
        Checker.check(
            List.of(v), List.of(target(ComponentNames.RELEASE, "1.30.1", "--version")), problems);

    assertThat(findings).hasSize(1);
    assertThat(problems)
        .containsExactly(
            "CVE-2026-0401 kubelet: fixed \"abc123\" is not a SemVer version; range skipped");
  }

  @Test
  void shouldSortBySeverityThenScoreThenNewestId() {
    RunningVersion v =
        new RunningVersion("1.0.0", new io.k8s.cvefeed.model.KubeVersion(1, 0, 0), null);
    List<Finding> findings = new ArrayList<>();
    String[][] rows = {
      {"CVE-2024-9999", "HIGH", "7.0"},
      {"CVE-2024-10220", "HIGH", "7.0"},
      {"CVE-2023-1", "HIGH", "8.8"},
      {"CVE-2025-1", null, null},
      {"CVE-2020-1", "CRITICAL", "9.1"}
    };
    for (String[] r : rows) {
      Vulnerability vuln =
          new Vulnerability(
              r[0],
              "",
              r[1] == null ? null : Severity.valueOf(r[1]),
              r[2] == null ? null : Double.valueOf(r[2]),
              "fixed",
              "u",
              List.of());
      findings.add(new Finding(vuln, "kubelet", v, null, null, List.of()));
    }
    findings.sort(Checker.ORDER);
    assertThat(findings)
        .extracting(f -> f.vulnerability().id())
        .containsExactly(
            "CVE-2020-1", "CVE-2023-1", "CVE-2024-10220", "CVE-2024-9999", "CVE-2025-1");
  }
}
