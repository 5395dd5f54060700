package io.k8s.cvefeed.render;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's {@code /usr/bin/chromium}, driven by its {@code /usr/bin/chromedriver}, headless. Both
 * paths are explicit, so Selenium Manager never looks for (or downloads) a browser or driver. In CI
 * ({@code CI=true}) a missing browser fails the tests; elsewhere each is skipped with the reason
 * ({@link BrowserRequired}).
 */
final class HeadlessChromium {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  /** Records alert/confirm/prompt calls instead of opening dialogs; runs before any page script. */
  private static final String DIALOG_RECORDER =
      "window.__dialogs = [];"
          + "['alert', 'confirm', 'prompt'].forEach(function (name) {"
          + "  window[name] = function (m) { window.__dialogs.push(name + ':' + m); };"
          + "});";

  private HeadlessChromium() {}

  static boolean inCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  /** Why browser tests skip, and what to install. */
  static final String MISSING =
      CHROMIUM
          + " or "
          + CHROMEDRIVER
          + ": not installed; run `apt-get install -y chromium chromium-driver`"
          + " (bash .ci/run does, then runs every test)";

  static boolean installed() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
  }

  /**
   * Whether a {@code @BeforeAll} should start the browser: yes when it is installed; fails in CI
   * when it is not; otherwise no ({@link BrowserRequired} then skips each test with the reason).
   */
  static boolean shouldStart() {
    if (installed()) {
      return true;
    }
    if (inCi()) {
      fail(MISSING);
    }
    return false;
  }

  /** A fresh browser with its own profile under {@code userDataDir}, 1280 × 1000 px. */
  static ChromeDriver start(Path userDataDir) {
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--user-data-dir=" + userDataDir.toAbsolutePath(),
        "--window-size=1280,1000");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    driver.executeCdpCommand(
        "Page.addScriptToEvaluateOnNewDocument", Map.of("source", DIALOG_RECORDER));
    return driver;
  }

  /** Emulates a phone viewport ({@code mobile} applies the page's viewport meta tag). */
  static void phone(ChromeDriver driver, int width, int height) {
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 2, "mobile", true));
  }

  /** Emulates {@code prefers-color-scheme: dark}. */
  static void darkScheme(ChromeDriver driver) {
    driver.executeCdpCommand(
        "Emulation.setEmulatedMedia",
        Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
  }

  /** Back to the desktop window size and the light colour scheme. */
  static void desktop(ChromeDriver driver) {
    driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
    driver.manage().window().setSize(new Dimension(1280, 1000));
  }

  /** A PNG of the whole page (not just the viewport). */
  static void screenshot(ChromeDriver driver, Path file) throws IOException {
    Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
    @SuppressWarnings("unchecked")
    Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
    Map<String, Object> clip =
        Map.of(
            "x", 0, "y", 0, "width", size.get("width"), "height", size.get("height"), "scale", 1);
    Map<String, Object> shot =
        driver.executeCdpCommand(
            "Page.captureScreenshot",
            Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
    Files.createDirectories(file.getParent());
    Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
  }

  /**
   * The console messages at level SEVERE (errors, CSP violations, failed loads) since last read.
   */
  static List<String> consoleErrors(ChromeDriver driver) {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .toList();
  }
}
