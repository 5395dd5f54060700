package io.k8s.cvefeed.render;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.chrome.ChromeDriver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * axe-core, the accessibility checker, from the npm registry: {@code .ci/run} installs the pinned
 * version into {@code target/axe} ({@code npm install --no-save --prefix target/axe
 * axe-core@4.14.1}). The script is injected into the page under test through WebDriver, which the
 * page's Content-Security-Policy does not govern.
 */
final class Axe {
  static final Path SCRIPT = Path.of("target", "axe", "node_modules", "axe-core", "axe.min.js");

  private static final String RUN =
      "var done = arguments[arguments.length - 1];"
          + "axe.run(document, {resultTypes: ['violations']})"
          + ".then(function (r) { done(JSON.stringify(r.violations)); })"
          + ".catch(function (e) { done(JSON.stringify({error: String(e)})); });";

  private final String source;

  private Axe(String source) {
    this.source = source;
  }

  /** Skips (fails in CI) when axe-core is not installed. */
  static Axe load() {
    if (!Files.isRegularFile(SCRIPT)) {
      String message =
          SCRIPT
              + ": missing; run `npm install --no-save --prefix target/axe axe-core@4.14.1`"
              + " (.ci/run does)";
      if (HeadlessChromium.inCi()) {
        fail(message);
      }
      assumeTrue(false, message);
    }
    try {
      return new Axe(Files.readString(SCRIPT));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every violation on the current page, {@code impact rule: help at [targets]}. */
  List<String> violations(ChromeDriver driver) {
    driver.executeScript(source);
    String json = (String) driver.executeAsyncScript(RUN);
    JsonNode violations = JsonMapper.builder().build().readTree(json);
    if (violations.has("error")) {
      throw new IllegalStateException("axe-core failed: " + violations.get("error"));
    }
    List<String> out = new ArrayList<>();
    for (JsonNode v : violations) {
      List<String> targets = new ArrayList<>();
      v.path("nodes").forEach(n -> targets.add(n.path("target").toString()));
      out.add(
          v.path("impact").asString()
              + " "
              + v.path("id").asString()
              + ": "
              + v.path("help").asString()
              + " at "
              + targets);
    }
    return out;
  }

  /** Whether a {@link #violations} line is serious or critical. */
  static boolean serious(String violation) {
    return violation.startsWith("serious ") || violation.startsWith("critical ");
  }
}
