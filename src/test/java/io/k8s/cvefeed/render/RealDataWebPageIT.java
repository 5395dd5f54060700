package io.k8s.cvefeed.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8s.cvefeed.model.Feed;
import io.k8s.cvefeed.model.FeedItem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The site built from the 64 real announcement issues ({@code shared/data}), in headless Chromium:
 * real Markdown (tables, code, links, CRLF) must give pages without console errors or horizontal
 * scrolling on a phone, and the longest announcements must pass axe-core. Skipped without the data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(BrowserRequired.class)
class RealDataWebPageIT {
  private Feed feed;
  private StaticSite site;
  private ChromeDriver browser;

  @BeforeAll
  void start(@TempDir Path siteDir, @TempDir Path profile) throws Exception {
    if (!HeadlessChromium.shouldStart()) {
      return;
    }
    feed = RealDataRenderTest.realFeed();
    site = StaticSite.serve(siteDir, Renderers.renderAll(feed));
    site.put(StatusJson.of(feed.updatedAt(), feed.updatedAt(), SiteInBrowser.STALE_AFTER));
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

  private List<String> pages() {
    List<String> pages = new ArrayList<>();
    pages.add(HtmlRenderer.PATH);
    Items.of(feed).forEach(i -> pages.add(CvePageRenderer.path(i.id())));
    return pages;
  }

  @Test
  void shouldShowEveryPageOnAPhoneWithoutErrorsOrSidewaysScrolling() {
    HeadlessChromium.phone(browser, 375, 812);
    HeadlessChromium.consoleErrors(browser);
    List<String> problems = new ArrayList<>();
    for (String page : pages()) {
      browser.get(site.url(page));
      Object overflow =
          browser.executeScript(
              "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
      if (!Long.valueOf(0).equals(overflow)) {
        problems.add(page + ": " + overflow + " px wider than the screen");
      }
      HeadlessChromium.consoleErrors(browser).forEach(e -> problems.add(page + ": " + e));
    }

    assertThat(problems).isEmpty();
    assertThat(browser.findElements(By.cssSelector(".announcement"))).isNotEmpty();
  }

  @Test
  void shouldPassAxeOnIndexAndTheLongestAnnouncements() throws IOException {
    Axe axe = Axe.load();
    HeadlessChromium.desktop(browser);
    List<String> pages = new ArrayList<>(List.of(HtmlRenderer.PATH));
    Items.of(feed).stream()
        .sorted(Comparator.comparingInt((FeedItem i) -> i.advisory().body().length()).reversed())
        .limit(5)
        .forEach(i -> pages.add(CvePageRenderer.path(i.id())));
    List<String> serious = new ArrayList<>();
    for (String page : pages) {
      browser.get(site.url(page));
      if (page.equals(pages.get(1))) {
        HeadlessChromium.screenshot(browser, SiteInBrowser.SCREENSHOTS.resolve("real-detail.png"));
      }
      axe.violations(browser).stream()
          .filter(Axe::serious)
          .forEach(v -> serious.add(page + " " + v));
    }

    assertThat(serious).isEmpty();
  }
}
