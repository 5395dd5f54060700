package io.k8s.cvefeed.extract;

import static io.k8s.cvefeed.extract.RawIssues.issue;
import static org.assertj.core.api.Assertions.assertThat;

import io.k8s.cvefeed.model.AffectedRange;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The one component table: names, aliases, Go modules, and the default for unnamed lines. */
class ComponentsTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "kube-apiserver, k8s.io/apiserver",
    "Kubernetes API server, k8s.io/apiserver",
    "kube-controller-manager, k8s.io/controller-manager",
    "kube-scheduler, k8s.io/kube-scheduler",
    "kube-proxy, k8s.io/kube-proxy",
    "kubelet, k8s.io/kubelet",
    "kubectl, k8s.io/kubectl",
    "kubeadm, k8s.io/kubeadm",
    "kubernetes, k8s.io/kubernetes",
    "ingress-nginx, k8s.io/ingress-nginx",
    "secrets-store-csi-driver, sigs.k8s.io/secrets-store-csi-driver",
    "azure-file-csi-driver, sigs.k8s.io/azurefile-csi-driver",
    "kubernetes-csi-proxy, github.com/kubernetes-csi/csi-proxy",
    "image-builder, sigs.k8s.io/image-builder",
    "client-go, k8s.io/client-go",
  })
  void shouldMapEachComponentToItsGoModule(String component, String module) {
    assertThat(Components.module(component)).contains(module);
  }

  @Test
  void shouldKnowNoModuleForAnUnknownComponent() {
    assertThat(Components.module("frobnicator-operator")).isEmpty();
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "k8s.io/apiserver, kube-apiserver",
    "k8s.io/controller-manager, kube-controller-manager",
    "k8s.io/kubernetes, kubernetes",
    "sigs.k8s.io/azurefile-csi-driver, azure-file-csi-driver",
    "github.com/kubernetes-csi/csi-proxy, kubernetes-csi-proxy",
    "sigs.k8s.io/some-new-driver, some-new-driver",
    "apiserver, kube-apiserver",
    "API server, kube-apiserver",
    "controller-manager, kube-controller-manager",
    "scheduler, kube-scheduler",
    "proxy, kube-proxy",
    "Kubelet, kubelet",
  })
  void shouldReadModulesAndAliasesAsTheComponent(String name, String component) {
    assertThat(Components.canonical(name)).isEqualTo(component);
  }

  @Test
  void shouldMapEveryModuleBackToItsComponent() {
    for (String c :
        List.of("kube-apiserver", "kubelet", "kubernetes", "ingress-nginx", "image-builder")) {
      Optional<String> module = Components.module(c);
      assertThat(module).isPresent();
      assertThat(Components.canonical(module.get())).isEqualTo(c);
    }
  }

  static Stream<Arguments> defaults() {
    return Stream.of(
        row(
            "the summary names it",
            "API server allows access via wrong scope",
            "",
            "kube-apiserver"),
        row("kubectl in the summary", "Incomplete fixes, kubectl cp traversal", "", "kubectl"),
        row(
            "the body names one",
            "atomic writer",
            "can cause the Kubelet to remove files",
            "kubelet"),
        row(
            "the body names two",
            "token leak",
            "occurs in API server logs and output of `kubectl`. If kube-apiserver logs...",
            "kube-apiserver,kubectl"),
        row(
            "more than two is Kubernetes as a whole",
            "leak",
            "kubelet, kube-proxy and kube-scheduler all log it",
            "kubernetes"),
        row("a module path", "rest config", "`k8s.io/client-go` users", "client-go"),
        row(
            "a package of the core module",
            "docker config",
            "tools using k8s.io/kubernetes/pkg/credentialprovider",
            "kubernetes"),
        row(
            "a URL is not a mention",
            "volumes",
            "see [docs](https://kubernetes.io/#access-the-api-server)",
            "kubernetes"),
        row("nothing named", "Something", "Nothing here.", "kubernetes"));
  }

  private static Arguments row(String name, String summary, String prose, String expected) {
    return Arguments.of(Named.of(name, summary), prose, expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("defaults")
  void shouldDefaultToWhatTheAnnouncementDescribes(String summary, String prose, String expected) {
    String body = prose + "\n\n#### Affected Versions\n- Kubernetes v1.19.0 - v1.19.2\n";

    assertThat(DefaultComponents.defaultFor(body, summary, Sections.parse(body)))
        .containsExactly(expected.split(","));
  }

  @Test
  void shouldPreferTheAffectedComponentsSectionOverTheSummary() {
    String body = "### Affected components:\n* Kubelet\n### Affected versions:\n* v1.2.0\n";

    assertThat(DefaultComponents.defaultFor(body, "API server thing", Sections.parse(body)))
        .containsExactly("kubelet");
  }

  @Test
  void shouldReportAComponentWithoutModuleAndKeepItsRanges() {
    Extraction e =
        new Extractor()
            .extract(
                issue(
                    7,
                    "CVE-2025-0007: Frobnicator escape",
                    "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\n\n"
                        + "#### Affected Versions\n- frobnicator-operator v1.0.0 - v1.0.3\n"));

    assertThat(e.advisory()).isNotNull();
    assertThat(e.advisory().affected())
        .extracting(AffectedRange::component, AffectedRange::module)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("frobnicator-operator", null));
    assertThat(e.diagnostics())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.kind()).isEqualTo("component.no-module");
              assertThat(d.message()).contains("frobnicator-operator");
            });
  }
}
