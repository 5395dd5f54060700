package io.k8s.cvefeed.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Renders deploy/kubernetes/{job,service}, parses every object with the fabric8 model (unknown
 * fields rejected) and checks what both overlays promise in docs/deploy.md: hardened pods, writable
 * paths on bounded emptyDirs only, and references (Secret keys, ConfigMap keys, $(VAR) and --*-env
 * variables) that resolve. Overlay-specific checks: {@link JobOverlayTest}, {@link
 * ServiceOverlayTest}, {@link EgressPolicyTest}.
 */
class DeployManifestsTest {
  private static final Pattern VAR_REF = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");
  private static final Set<String> WRITABLE =
      Set.of("/var/cache/cvefeed", "/var/lib/cvefeed", "/tmp");

  static Stream<RenderedOverlay> overlays() {
    return Stream.of("job", "service").map(RenderedOverlay::of);
  }

  @Test
  void shouldRenderTheObjectsEachOverlayPromisesIntoOneNamespace() {
    assertThat(kinds(RenderedOverlay.of("job")))
        .containsExactly("ServiceAccount", "ConfigMap", "NetworkPolicy", "CronJob");
    RenderedOverlay service = RenderedOverlay.of("service");
    assertThat(kinds(service))
        .containsExactly(
            "ServiceAccount",
            "ConfigMap",
            "NetworkPolicy",
            "Deployment",
            "Service",
            "PodDisruptionBudget",
            "NetworkPolicy",
            "ServiceMonitor",
            "Ingress");
    assertThat(service.objects().stream().filter(HasMetadata.class::isInstance))
        .allSatisfy(
            o -> assertThat(((HasMetadata) o).getMetadata().getNamespace()).isEqualTo("cvefeed"));
  }

  @Test
  void shouldRejectAFieldTheModelDoesNotKnowHoweverDeep() throws Exception {
    JsonNode typo =
        Kustomization.YAML.readTree(
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: typo}
            spec:
              selector: {matchLabels: {a: b}}
              template:
                metadata: {labels: {a: b}}
                spec:
                  containers:
                    - name: c
                      securityContext: {readOnlyRootFilesytem: true}
            """);
    assertThatThrownBy(() -> StrictModel.parse(typo))
        .hasMessageContaining("readOnlyRootFilesytem")
        .hasMessageContaining("spec.template.spec.containers[0].securityContext");
    JsonNode monitor =
        Kustomization.YAML.readTree(
            "{apiVersion: monitoring.coreos.com/v1, kind: ServiceMonitor, metadata: {name: m},"
                + " spec: {endpoint: []}}");
    assertThatThrownBy(() -> StrictModel.parse(monitor)).hasMessageContaining("endpoint");
  }

  @Test
  void shouldRefuseKustomizeFieldsTheRendererDoesNotImplement(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("kustomization.yaml"), "resources: []\nnamePrefix: x-\n");
    assertThatThrownBy(() -> Kustomization.render(dir)).hasMessageContaining("namePrefix");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("overlays")
  void shouldRunEveryPodNonRootReadOnlyWithoutPrivilegesAndWithLimits(RenderedOverlay overlay) {
    Set<String> accounts = names(overlay.all(ServiceAccount.class));
    overlay
        .podTemplates()
        .forEach(
            (workload, template) -> {
              PodSpec pod = template.getSpec();
              assertThat(pod.getServiceAccountName()).as(workload).isIn(accounts);
              assertThat(pod.getAutomountServiceAccountToken()).as(workload).isFalse();
              assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(workload).isTrue();
              assertThat(pod.getSecurityContext().getRunAsUser()).as(workload).isPositive();
              assertThat(pod.getSecurityContext().getSeccompProfile().getType())
                  .as(workload)
                  .isEqualTo("RuntimeDefault");
              for (Container c : containers(pod)) {
                String where = workload + " container " + c.getName();
                var sc = c.getSecurityContext();
                assertThat(sc.getAllowPrivilegeEscalation()).as(where).isFalse();
                assertThat(sc.getReadOnlyRootFilesystem()).as(where).isTrue();
                assertThat(sc.getPrivileged()).as(where).isNotEqualTo(Boolean.TRUE);
                assertThat(sc.getCapabilities().getDrop()).as(where).containsExactly("ALL");
                assertThat(sc.getCapabilities().getAdd()).as(where).isNullOrEmpty();
                assertThat(c.getImage()).as(where).matches(".+:[^:/]+").doesNotEndWith(":latest");
                for (String resource : List.of("cpu", "memory")) {
                  Quantity request = c.getResources().getRequests().get(resource);
                  Quantity limit = c.getResources().getLimits().get(resource);
                  assertThat(request).as(where + " " + resource + " request").isNotNull();
                  assertThat(limit).as(where + " " + resource + " limit").isNotNull();
                  assertThat(limit.getNumericalAmount())
                      .as(where + " " + resource + " limit >= request")
                      .isGreaterThanOrEqualTo(request.getNumericalAmount());
                }
              }
            });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("overlays")
  void shouldWriteOnlyToBoundedEmptyDirs(RenderedOverlay overlay) {
    overlay
        .podTemplates()
        .forEach(
            (workload, template) -> {
              Map<String, Volume> volumes = volumes(template);
              for (Container c : containers(template.getSpec())) {
                List<String> writable = new ArrayList<>();
                for (VolumeMount m : c.getVolumeMounts()) {
                  Volume v = volumes.get(m.getName());
                  assertThat(v).as(workload + ": volume of mount " + m.getMountPath()).isNotNull();
                  if (!Boolean.TRUE.equals(m.getReadOnly())) {
                    assertThat(v.getEmptyDir())
                        .as(workload + ": writable " + m.getMountPath())
                        .isNotNull();
                    assertThat(v.getEmptyDir().getSizeLimit())
                        .as(workload + ": " + v.getName())
                        .isNotNull();
                    writable.add(m.getMountPath());
                  }
                }
                assertThat(writable).as(workload).containsExactlyInAnyOrderElementsOf(WRITABLE);
                for (String option : List.of("--cache-dir=", "--out=")) {
                  c.getArgs().stream()
                      .filter(a -> a.startsWith(option))
                      .map(a -> a.substring(option.length()))
                      .forEach(
                          dir ->
                              assertThat(writable)
                                  .as(workload + ": " + option + dir + " lies on a writable mount")
                                  .anyMatch(
                                      mount -> dir.equals(mount) || dir.startsWith(mount + "/")));
                }
              }
            });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("overlays")
  void shouldReferenceOnlySecretKeysConfigMapKeysAndVariablesThatExist(RenderedOverlay overlay) {
    Secret example = exampleSecret();
    Set<String> secretKeys = example.getStringData().keySet();
    assertThat(overlay.all(Secret.class)).as("secrets are never inlined").isEmpty();
    overlay
        .podTemplates()
        .forEach(
            (workload, template) -> {
              for (Volume v : template.getSpec().getVolumes()) {
                if (v.getSecret() != null) {
                  assertThat(v.getSecret().getSecretName())
                      .as(workload)
                      .isEqualTo(example.getMetadata().getName());
                  v.getSecret()
                      .getItems()
                      .forEach(item -> assertThat(item.getKey()).as(workload).isIn(secretKeys));
                }
              }
              for (Container c : containers(template.getSpec())) {
                Set<String> envNames = new HashSet<>();
                for (EnvVar e : c.getEnv()) {
                  envNames.add(e.getName());
                  var from = e.getValueFrom();
                  if (from != null && from.getSecretKeyRef() != null) {
                    assertThat(from.getSecretKeyRef().getName())
                        .as(e.getName())
                        .isEqualTo(example.getMetadata().getName());
                    assertThat(from.getSecretKeyRef().getKey())
                        .as(workload + " " + e.getName())
                        .isIn(secretKeys);
                  }
                  if (from != null && from.getConfigMapKeyRef() != null) {
                    var ref = from.getConfigMapKeyRef();
                    assertThat(overlay.configMapData(ref.getName()))
                        .as(workload + " " + e.getName() + " -> ConfigMap " + ref.getName())
                        .containsKey(ref.getKey());
                  }
                }
                for (String arg : c.getArgs()) {
                  Matcher m = VAR_REF.matcher(arg);
                  while (m.find()) {
                    assertThat(envNames).as(workload + " arg " + arg).contains(m.group(1));
                  }
                  if (arg.matches("--[a-z-]+-env=.*")) {
                    assertThat(envNames)
                        .as(workload + " arg " + arg)
                        .contains(arg.substring(arg.indexOf('=') + 1));
                  }
                }
              }
            });
  }

  private static Secret exampleSecret() {
    return (Secret)
        StrictModel.parse(
            Kustomization.readAll(RenderedOverlay.ROOT.resolve("secret.example.yaml")).get(0));
  }

  private static List<String> kinds(RenderedOverlay overlay) {
    return overlay.objects().stream().map(o -> o.getClass().getSimpleName()).toList();
  }

  private static Set<String> names(List<? extends HasMetadata> objects) {
    Set<String> names = new HashSet<>();
    objects.forEach(o -> names.add(o.getMetadata().getName()));
    return names;
  }

  static List<Container> containers(PodSpec pod) {
    List<Container> all = new ArrayList<>(pod.getContainers());
    all.addAll(pod.getInitContainers());
    return all;
  }

  private static Map<String, Volume> volumes(PodTemplateSpec template) {
    Map<String, Volume> byName = new java.util.HashMap<>();
    template.getSpec().getVolumes().forEach(v -> byName.put(v.getName(), v));
    return byName;
  }
}
