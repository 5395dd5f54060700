package io.k8s.cvefeed.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Prow periodic and the GitHub Actions workflow under deploy/. */
class SchedulerConfigsTest {
  private static final Path DEPLOY = Path.of("deploy");

  @Test
  void shouldPinEveryActionByCommitAndGrantOnlyWhatTheJobUses() {
    JsonNode workflow = Kustomization.readAll(DEPLOY.resolve("github-actions/cvefeed.yml")).get(0);
    assertThat(workflow.path("on").path("schedule").get(0).path("cron").asText())
        .matches("\\d+ \\*/2 \\* \\* \\*");
    assertThat(workflow.path("permissions").isObject() && workflow.path("permissions").isEmpty())
        .as("top-level permissions: {}")
        .isTrue();
    assertThat(workflow.path("concurrency").path("cancel-in-progress").asBoolean(true)).isFalse();
    List<String> uses = new ArrayList<>();
    for (JsonNode job : workflow.path("jobs")) {
      Map<String, String> permissions =
          Kustomization.YAML.convertValue(
              job.path("permissions"),
              new com.fasterxml.jackson.core.type.TypeReference<Map<String, String>>() {});
      assertThat(permissions).isEqualTo(Map.of("contents", "read", "id-token", "write"));
      assertThat(job.path("timeout-minutes").asInt()).isPositive();
      job.path("steps")
          .forEach(
              step -> {
                if (step.has("uses")) {
                  uses.add(step.get("uses").asText());
                }
              });
    }
    assertThat(uses)
        .isNotEmpty()
        .allSatisfy(u -> assertThat(u).matches("[\\w.-]+/[\\w./-]+@[0-9a-f]{40}"));
  }

  @Test
  void shouldRunTheImageEveryTwoHoursOnProwAsAHardenedPod() {
    JsonNode periodic =
        Kustomization.readAll(DEPLOY.resolve("prow/cvefeed-periodics.yaml"))
            .get(0)
            .path("periodics")
            .get(0);
    assertThat(periodic.path("interval").asText()).isEqualTo("2h");
    assertThat(periodic.path("decorate").asBoolean()).isTrue();
    assertThat(periodic.path("annotations").path("testgrid-dashboards").asText()).isNotEmpty();
    PodSpec pod = StrictModel.MAPPER.convertValue(periodic.path("spec"), PodSpec.class);
    assertThat(pod.getAdditionalProperties()).isEmpty();
    assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    Container c = pod.getContainers().get(0);
    assertThat(c.getAdditionalProperties()).isEmpty();
    assertThat(c.getCommand())
        .as("decorated jobs need a command: the image's entrypoint")
        .startsWith("java")
        .endsWith("-cp", "@/app/jib-classpath-file", "io.k8s.cvefeed.cli.Main")
        .as("a one-shot refresh runs faster with the C1 compiler alone")
        .contains("-XX:TieredStopAtLevel=1");
    assertThat(c.getArgs()).startsWith("refresh").anyMatch(a -> a.startsWith("--publish=gs://"));
    assertThat(c.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(c.getSecurityContext().getRunAsUser()).isPositive();
    assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
    assertThat(c.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(c.getResources().getLimits()).containsKeys("cpu", "memory");
    Set<String> mounts =
        Set.copyOf(c.getVolumeMounts().stream().map(m -> m.getMountPath()).toList());
    assertThat(mounts).contains("/var/cache/cvefeed", "/tmp");
  }
}
