package io.k8s.cvefeed.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The egress NetworkPolicy both overlays share: DNS, HTTPS to public addresses, the GKE metadata
 * server.
 */
class EgressPolicyTest {
  static java.util.stream.Stream<RenderedOverlay> overlays() {
    return DeployManifestsTest.overlays();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("overlays")
  void shouldAllowNoEgressButDnsHttpsAndTheMetadataServer(RenderedOverlay overlay) {
    List<NetworkPolicy> egress =
        overlay.all(NetworkPolicy.class).stream()
            .filter(np -> np.getSpec().getPolicyTypes().contains("Egress"))
            .toList();
    assertThat(egress).hasSize(1);
    NetworkPolicy policy = egress.get(0);
    assertThat(policy.getSpec().getPolicyTypes())
        .as("ingress denied by default")
        .contains("Ingress");
    overlay
        .podTemplates()
        .forEach(
            (workload, template) ->
                assertThat(template.getMetadata().getLabels())
                    .as(workload + " is selected")
                    .containsAllEntriesOf(policy.getSpec().getPodSelector().getMatchLabels()));
    for (NetworkPolicyEgressRule rule : policy.getSpec().getEgress()) {
      assertThat(rule.getPorts()).as("every rule names its ports").isNotEmpty();
      for (NetworkPolicyPort p : rule.getPorts()) {
        String port = p.getProtocol() + "/" + p.getPort().getIntVal();
        switch (port) {
          case "UDP/53", "TCP/53" ->
              assertThat(rule.getTo())
                  .allSatisfy(
                      peer -> {
                        assertThat(peer.getIpBlock()).isNull();
                        assertThat(peer.getPodSelector().getMatchLabels())
                            .containsEntry("k8s-app", "kube-dns");
                      });
          case "TCP/443" -> assertThat(rule.getTo()).allSatisfy(EgressPolicyTest::assertPublicOnly);
          case "TCP/80" -> assertThat(cidrs(rule)).containsExactly("169.254.169.254/32");
          case "TCP/988" -> assertThat(cidrs(rule)).containsExactly("169.254.169.252/32");
          default ->
              throw new AssertionError(overlay.name() + ": egress to " + port + " not allowed");
        }
      }
    }
  }

  private static void assertPublicOnly(NetworkPolicyPeer peer) {
    assertThat(peer.getPodSelector()).isNull();
    assertThat(peer.getNamespaceSelector()).isNull();
    if (peer.getIpBlock().getCidr().contains(":")) {
      assertThat(peer.getIpBlock().getExcept()).contains("fc00::/7");
    } else {
      assertThat(peer.getIpBlock().getExcept())
          .contains("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16");
    }
  }

  private static List<String> cidrs(NetworkPolicyEgressRule rule) {
    return rule.getTo().stream().map(peer -> peer.getIpBlock().getCidr()).toList();
  }
}
