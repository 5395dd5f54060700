package io.k8s.cvefeed.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.fabric8.kubernetes.api.model.batch.v1.PodFailurePolicyRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The job overlay's CronJob: schedule, no overlap, and which exit codes are retried
 * (docs/deploy.md).
 */
class JobOverlayTest {
  @Test
  void shouldRefreshEveryTwoHoursWithoutOverlapAndNotRetryAPublishedFeed() {
    CronJob cron = RenderedOverlay.of("job").all(CronJob.class).get(0);
    assertThat(cron.getSpec().getSchedule()).matches("\\d+ \\*/2 \\* \\* \\*");
    assertThat(cron.getSpec().getConcurrencyPolicy()).isEqualTo("Forbid");
    assertThat(cron.getSpec().getStartingDeadlineSeconds()).isPositive();
    assertThat(cron.getSpec().getSuccessfulJobsHistoryLimit()).isPositive();
    assertThat(cron.getSpec().getFailedJobsHistoryLimit()).isPositive();
    JobSpec job = cron.getSpec().getJobTemplate().getSpec();
    assertThat(job.getBackoffLimit()).isBetween(1, 5);
    assertThat(job.getTemplate().getSpec().getRestartPolicy())
        .as("podFailurePolicy needs restartPolicy Never")
        .isEqualTo("Never");
    Container container = job.getTemplate().getSpec().getContainers().get(0);
    assertThat(container.getArgs().get(0)).isEqualTo("refresh");
    assertThat(container.getArgs()).anyMatch(a -> a.startsWith("--publish="));
    assertThat(container.getEnv())
        .as("a one-shot refresh runs faster with the C1 compiler alone")
        .anySatisfy(
            e -> {
              assertThat(e.getName()).isEqualTo("JAVA_TOOL_OPTIONS");
              assertThat(e.getValue()).contains("-XX:TieredStopAtLevel=1");
            });

    List<PodFailurePolicyRule> rules = job.getPodFailurePolicy().getRules();
    assertThat(rules)
        .allSatisfy(
            r -> {
              if (r.getOnExitCodes() != null) {
                assertThat(r.getOnExitCodes().getContainerName()).isEqualTo(container.getName());
              }
            });
    assertThat(actionForExitCode(rules, 7))
        .as("7 published the feed: Ignore would re-run it until the deadline, Count would retry it")
        .isEqualTo("FailJob");
    assertThat(actionForExitCode(rules, 2)).as("usage errors never heal").isEqualTo("FailJob");
    assertThat(actionForExitCode(rules, 1)).as("nothing published: retried").isEqualTo("Count");
    assertThat(rules)
        .anySatisfy(
            r -> {
              assertThat(r.getAction()).isEqualTo("Ignore");
              assertThat(r.getOnPodConditions())
                  .anySatisfy(c -> assertThat(c.getType()).isEqualTo("DisruptionTarget"));
            });
  }

  private static String actionForExitCode(List<PodFailurePolicyRule> rules, int code) {
    return rules.stream()
        .filter(r -> r.getOnExitCodes() != null)
        .filter(
            r ->
                r.getOnExitCodes().getOperator().equals("In")
                    == r.getOnExitCodes().getValues().contains(code))
        .map(PodFailurePolicyRule::getAction)
        .findFirst()
        .orElse("Count");
  }
}
