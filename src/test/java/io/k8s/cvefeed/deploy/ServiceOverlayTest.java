package io.k8s.cvefeed.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The service overlay: one replica, and one port that probes, Service, ServiceMonitor, Ingress and
 * policy agree on.
 */
class ServiceOverlayTest {
  @Test
  void shouldServeOneReplicaOnOnePortThatProbesServiceMonitorIngressAndPolicyAgreeOn() {
    RenderedOverlay overlay = RenderedOverlay.of("service");
    Deployment deployment = overlay.all(Deployment.class).get(0);
    PodTemplateSpec template = deployment.getSpec().getTemplate();
    Map<String, String> podLabels = template.getMetadata().getLabels();
    Container server = template.getSpec().getContainers().get(0);
    ContainerPort port = server.getPorts().get(0);

    assertThat(deployment.getSpec().getReplicas()).isEqualTo(1);
    assertThat(server.getArgs()).contains("serve", "--listen=:" + port.getContainerPort());
    assertThat(template.getMetadata().getAnnotations())
        .containsEntry("prometheus.io/port", String.valueOf(port.getContainerPort()))
        .containsEntry("prometheus.io/path", "/metrics");
    assertThat(server.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
    assertThat(server.getStartupProbe().getHttpGet().getPath()).isEqualTo("/healthz");
    assertThat(server.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
    for (var probe :
        List.of(server.getLivenessProbe(), server.getReadinessProbe(), server.getStartupProbe())) {
      assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo(port.getName());
    }

    Service service = overlay.service("cvefeed");
    assertThat(podLabels).containsAllEntriesOf(service.getSpec().getSelector());
    var servicePort = service.getSpec().getPorts().get(0);
    assertThat(servicePort.getTargetPort().getStrVal()).isEqualTo(port.getName());

    ServiceMonitor monitor = overlay.all(ServiceMonitor.class).get(0);
    assertThat(service.getMetadata().getLabels())
        .containsAllEntriesOf(monitor.spec().selector().getMatchLabels());
    assertThat(monitor.spec().endpoints())
        .allSatisfy(e -> assertThat(e.port()).isEqualTo(servicePort.getName()))
        .allSatisfy(e -> assertThat(e.path()).isEqualTo("/metrics"));

    for (Ingress ingress : overlay.all(Ingress.class)) {
      ingress
          .getSpec()
          .getRules()
          .forEach(
              rule ->
                  rule.getHttp()
                      .getPaths()
                      .forEach(
                          p -> {
                            assertThat(p.getBackend().getService().getName()).isEqualTo("cvefeed");
                            assertThat(p.getBackend().getService().getPort().getName())
                                .isEqualTo(servicePort.getName());
                            assertThat(p.getPath())
                                .as("kept inside the cluster")
                                .isNotIn("/", "/metrics", "/refresh");
                          }));
    }
    assertThat(ingressPaths(overlay)).contains("/hooks/github");

    PodDisruptionBudget pdb = overlay.all(PodDisruptionBudget.class).get(0);
    assertThat(podLabels).containsAllEntriesOf(pdb.getSpec().getSelector().getMatchLabels());
    assertThat(pdb.getSpec().getMaxUnavailable().getIntVal())
        .as("one replica: a PDB that allows no disruption would block every drain")
        .isEqualTo(1);

    List<NetworkPolicy> ingressPolicies =
        overlay.all(NetworkPolicy.class).stream()
            .filter(np -> np.getSpec().getIngress() != null && !np.getSpec().getIngress().isEmpty())
            .toList();
    assertThat(ingressPolicies)
        .isNotEmpty()
        .allSatisfy(
            np -> {
              assertThat(podLabels)
                  .containsAllEntriesOf(np.getSpec().getPodSelector().getMatchLabels());
              np.getSpec()
                  .getIngress()
                  .forEach(
                      rule ->
                          rule.getPorts()
                              .forEach(
                                  p ->
                                      assertThat(p.getPort().getStrVal())
                                          .isEqualTo(port.getName())));
            });
  }

  private static List<String> ingressPaths(RenderedOverlay overlay) {
    return overlay.all(Ingress.class).stream()
        .flatMap(i -> i.getSpec().getRules().stream())
        .flatMap(r -> r.getHttp().getPaths().stream())
        .map(p -> p.getPath())
        .toList();
  }
}
