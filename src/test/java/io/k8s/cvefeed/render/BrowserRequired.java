package io.k8s.cvefeed.render;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Marks each browser test skipped, with the reason and what to install, when Chromium or its driver
 * is missing, so that the build summary counts them as skipped rather than showing {@code Tests
 * run: 0}. The class itself stays enabled: its {@code @BeforeAll} starts the browser only when it
 * is installed. In CI ({@code CI=true}) nothing is skipped, and the {@code @BeforeAll} fails on the
 * missing browser instead.
 */
final class BrowserRequired implements ExecutionCondition {
  /** The reason goes to stderr once per run too, since the build summary shows only counts. */
  private static final AtomicBoolean TOLD = new AtomicBoolean();

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    ConditionEvaluationResult result =
        decide(
            context.getTestMethod().isPresent(),
            HeadlessChromium.installed(),
            HeadlessChromium.inCi());
    if (result.isDisabled() && !TOLD.getAndSet(true)) {
      System.err.println("[WARNING] browser tests skipped: " + HeadlessChromium.MISSING);
    }
    return result;
  }

  static ConditionEvaluationResult decide(boolean testMethod, boolean installed, boolean ci) {
    if (!testMethod || installed || ci) {
      return ConditionEvaluationResult.enabled("browser tests run");
    }
    return ConditionEvaluationResult.disabled(HeadlessChromium.MISSING);
  }
}
