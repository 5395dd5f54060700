package io.k8s.cvefeed.render;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The rendered {@link WebFixtures#feed()} site (7 CVEs) in headless Chromium, served over loopback
 * HTTP so that the page's Content-Security-Policy applies; shared by the browser tests. How to run:
 * docs/web.md.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(BrowserRequired.class)
abstract class SiteInBrowser {
  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  static final Duration STALE_AFTER = Duration.ofHours(6);
  static final String HOSTILE_PAGE = "cve/" + WebFixtures.HOSTILE_ID + ".html";

  StaticSite site;
  ChromeDriver browser;

  @BeforeAll
  void start(@TempDir Path siteDir, @TempDir Path profile) throws IOException {
    if (!HeadlessChromium.shouldStart()) {
      return;
    }
    site = StaticSite.serve(siteDir, Renderers.renderAll(WebFixtures.feed()));
    browser = HeadlessChromium.start(profile);
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (site != null) {
      site.close();
    }
  }

  @BeforeEach
  void freshAndDesktop() {
    site.put(StatusJson.of(Instant.now().minusSeconds(300), FeedFixtures.UPDATED, STALE_AFTER));
    HeadlessChromium.desktop(browser);
    HeadlessChromium.consoleErrors(browser); // drop what earlier tests left in the log
  }

  void open(String path) {
    browser.get(site.url(path));
  }

  /** The ids of the rows a reader sees, top to bottom. */
  List<String> visibleIds() {
    return browser.findElements(By.cssSelector("#cves tbody tr")).stream()
        .filter(WebElement::isDisplayed)
        .map(tr -> tr.getAttribute("id"))
        .toList();
  }

  /**
   * Waits until the script has read {@code status.json} (it marks {@code #checked} with {@code
   * data-state} = {@code shown} or {@code absent}) and returns that state.
   */
  String lastCheckedState() {
    WebElement checked = browser.findElement(By.id("checked"));
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(d -> checked.getDomAttribute("data-state") != null);
    return checked.getDomAttribute("data-state");
  }

  void choose(String filter, String value) {
    new Select(browser.findElement(By.id("f-" + filter))).selectByValue(value);
  }

  void screenshot(String name) throws IOException {
    HeadlessChromium.screenshot(browser, SCREENSHOTS.resolve(name));
  }
}
