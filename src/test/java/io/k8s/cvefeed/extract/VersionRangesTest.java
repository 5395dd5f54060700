package io.k8s.cvefeed.extract;

import static io.k8s.cvefeed.extract.RangeText.format;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One row per version-line shape seen in announcements since 2017. Each row is a hand-written body
 * with an Affected Versions section (and, where the shape needs one, a Fixed Versions section); the
 * expected ranges are written as {@code component: event=version ...; ...} ({@link RangeText}).
 */
class VersionRangesTest {

  static Stream<Arguments> shapes() {
    return Stream.of(
        row(
            "component, range with spaces, no fix listed",
            "- kube-apiserver v1.27.0 - v1.27.2",
            "",
            "kube-apiserver: introduced=1.27.0 last_affected=1.27.2"),
        row(
            "range paired with a fixed version on the same minor line",
            "- kube-apiserver v1.27.0 - v1.27.2",
            "- kube-apiserver v1.27.3",
            "kube-apiserver: introduced=1.27.0 fixed=1.27.3"),
        row(
            "less-or-equal",
            "- kube-apiserver <= v1.24.14",
            "",
            "kube-apiserver: introduced=0 last_affected=1.24.14"),
        row("less-than", "- kubelet < v1.28.4", "", "kubelet: introduced=0 fixed=1.28.4"),
        row(
            "no component, no spaces around the dash",
            "- v1.18.0-v1.18.3",
            "",
            "kubernetes: introduced=1.18.0 last_affected=1.18.3"),
        row(
            "component with colon, first < fixed",
            "- kubelet: v1.20.0 < v1.20.5",
            "",
            "kubelet: introduced=1.20.0 fixed=1.20.5"),
        row(
            "component with colon, only < fixed",
            "- kubelet: < v1.20.5",
            "",
            "kubelet: introduced=0 fixed=1.20.5"),
        row(
            "bare versions under a component bullet",
            "- kube-proxy\n  - v1.18.0 - v1.18.3\n  - v1.17.0 - v1.17.6",
            "",
            "kube-proxy: introduced=1.17.0 last_affected=1.17.6; "
                + "kube-proxy: introduced=1.18.0 last_affected=1.18.3"),
        row(
            "bare versions under a component heading",
            "##### kubectl\nv1.8.0 - v1.8.3",
            "",
            "kubectl: introduced=1.8.0 last_affected=1.8.3"),
        row(
            "fixed versions listed bare, paired by minor line",
            "kubelet v1.17.0 - v1.17.2\nkubelet v1.16.0 - v1.16.6",
            "- v1.17.3\n- v1.16.7",
            "kubelet: introduced=1.16.0 fixed=1.16.7; kubelet: introduced=1.17.0 fixed=1.17.3"),
        row(
            "no v prefix",
            "- kubelet <= 1.27.15",
            "- kubelet 1.27.16",
            "kubelet: introduced=0 fixed=1.27.16"),
        row(
            "capital V prefix",
            "v1.24.0 - v1.24.13",
            "V1.24.14",
            "kubernetes: introduced=1.24.0 fixed=1.24.14"),
        row(
            "backslash-escaped dash",
            "- v1.11.0 \\- 1.11.4",
            "",
            "kubernetes: introduced=1.11.0 last_affected=1.11.4"),
        row(
            "backslash-escaped backticks",
            "- \\`kubelet\\` v1.30.0 to v1.30.2",
            "",
            "kubelet: introduced=1.30.0 last_affected=1.30.2"),
        row(
            "'to' between versions",
            "- kubelet v1.30.0 to v1.30.2",
            "- kubelet v1.30.3 - fixed by #1",
            "kubelet: introduced=1.30.0 fixed=1.30.3"),
        row(
            "whole minor lines (1.3.x-1.6.x) join the next range",
            "* Kubernetes 1.3.x-1.6.x\n* Kubernetes 1.7.0-1.7.13",
            "* Fixed in v1.7.14 by #1",
            "kubernetes: introduced=1.3.0 fixed=1.7.14"),
        row(
            "minor versions without patch",
            "- kubelet v1.20 - v1.21",
            "",
            "kubelet: introduced=1.20.0 fixed=1.22.0"),
        row(
            "several upper bounds start at their own minor line",
            "- kube-apiserver <= v1.25.3\n- kube-apiserver <= v1.24.7",
            "",
            "kube-apiserver: introduced=0 last_affected=1.24.7; "
                + "kube-apiserver: introduced=1.25.0 last_affected=1.25.3"),
        row(
            "open start cut at each fixed version",
            "- kubelet >= v1.8.0 (including all later minor versions)",
            "- kubelet v1.28.4\n- kubelet v1.27.8",
            "kubelet: introduced=1.8.0 fixed=1.27.8; kubelet: introduced=1.28.0 fixed=1.28.4"),
        row("plus suffix", "kubectl v1.8.0+", "", "kubectl: introduced=1.8.0"),
        row(
            "all versions prior to",
            "- all kube-apiserver versions prior to v1.16.0",
            "",
            "kube-apiserver: introduced=0 fixed=1.16.0"),
        row("all versions of", "All versions of Kubernetes", "", "kubernetes: introduced=0"),
        row(
            "two components joined by a slash",
            "- kubelet/kube-proxy <=1.16.10",
            "",
            "kube-proxy: introduced=0 last_affected=1.16.10; "
                + "kubelet: introduced=0 last_affected=1.16.10"),
        row(
            "fixed version inline in a link",
            "* Kubernetes v1.10.0-1.10.10 (fixed in [v1.10.11](https://example.com/x))",
            "",
            "kubernetes: introduced=1.10.0 fixed=1.10.11"),
        row(
            "resolved in, after a comma",
            "<= v1.15.9, resolved in 1.15.10 by https://github.com/kubernetes/kubernetes/pull/1",
            "",
            "kubernetes: introduced=0 fixed=1.15.10"),
        row(
            "pre-release versions",
            "- kubernetes-csi-proxy <= v2.0.0-alpha.0",
            "- kubernetes-csi-proxy v2.0.0-alpha.1 - fixed by #2",
            "kubernetes-csi-proxy: introduced=0 fixed=2.0.0-alpha.1"),
        row(
            "multi-word component and 'Fixed in ... release'",
            "- Kubernetes Image Builder versions <= v0.1.37",
            "- Fixed in Kubernetes Image Builder release v0.1.38",
            "image-builder: introduced=0 fixed=0.1.38"),
        row(
            "alias: 'Kubernetes kube-apiserver' and 'ingress-nginx controller'",
            "- Kubernetes kube-apiserver <= v1.22.15\n- ingress-nginx controller < v1.10.4",
            "",
            "ingress-nginx: introduced=0 fixed=1.10.4; "
                + "kube-apiserver: introduced=0 last_affected=1.22.15"),
        row(
            "branch lines and notes are not versions; the one component named is the default",
            "- v1.21.0 (Note: not enabled by default in 1.16-1.18)",
            "- kubelet master - fixed by #1\n- v1.21.1\n  - Note: alpha in v1.25-v1.29",
            "kubelet: introduced=1.21.0 fixed=1.21.1"),
        row(
            "single version becomes its own range",
            "- v1.12.0",
            "",
            "kubernetes: introduced=1.12.0 last_affected=1.12.0"));
  }

  private static Arguments row(String name, String affected, String fixed, String expected) {
    String body =
        "#### Affected Versions\n"
            + affected
            + "\n\n#### Fixed Versions\n"
            + fixed
            + "\n\n#### Acknowledgements\nSomeone\n";
    return Arguments.of(Named.of(name, body), expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shapes")
  void shouldTurnEveryLineShapeIntoRanges(String body, String expected) {
    DiagnosticLog log = new DiagnosticLog(1);

    Details details = AnnouncementReader.read(body, log);

    assertThat(format(details.ranges())).isEqualTo(expected);
    assertThat(log.all()).isEmpty();
  }
}
