package io.k8s.cvefeed.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Without a browser each browser test is reported skipped with what to install (never vanishes as
 * {@code Tests run: 0}); in CI nothing is skipped, so the missing browser fails the run.
 */
class BrowserRequiredTest {
  @ParameterizedTest(name = "test method {0}, installed {1}, CI {2}: disabled {3}")
  @CsvSource({
    "true,  false, false, true",
    "false, false, false, false",
    "true,  true,  false, false",
    "true,  false, true,  false",
    "true,  true,  true,  false",
  })
  void shouldSkipEachTestOnlyWhenTheBrowserIsMissingOutsideCi(
      boolean testMethod, boolean installed, boolean ci, boolean disabled) {
    ConditionEvaluationResult result = BrowserRequired.decide(testMethod, installed, ci);

    assertThat(result.isDisabled()).isEqualTo(disabled);
    if (disabled) {
      assertThat(result.getReason())
          .hasValueSatisfying(
              r ->
                  assertThat(r)
                      .contains(
                          "/usr/bin/chromium", "apt-get install -y chromium chromium-driver"));
    }
  }
}
