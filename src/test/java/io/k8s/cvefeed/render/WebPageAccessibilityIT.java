package io.k8s.cvefeed.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Who can use the page: readers without script, on a 375 px phone, with only a keyboard, and with
 * assistive technology (axe-core). Site and browser: {@link SiteInBrowser}.
 */
class WebPageAccessibilityIT extends SiteInBrowser {
  @Test
  void shouldShowTheWholeTableAndNoDeadControlsWithoutScript() {
    browser.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
    try {
      open("index.html?status=unfixed");

      assertThat(visibleIds()).hasSize(7);
      assertThat(browser.findElement(By.id("filters")).isDisplayed()).isFalse();
      assertThat(browser.findElement(By.id("checked")).isDisplayed()).isFalse();
      assertThat(browser.findElement(By.cssSelector(".freshness")).getText())
          .isEqualTo("Last changed 2024-07-01 12:00 UTC");
    } finally {
      browser.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", false));
    }
  }

  @Test
  void shouldHideFilteredRowsOnAPhoneToo() {
    HeadlessChromium.phone(browser, 375, 812);
    open("index.html");

    choose("status", "unfixed");

    assertThat(visibleIds()).containsExactly("CVE-2025-1974", "CVE-2024-10220");
    assertThat(browser.findElement(By.id("no-match")).isDisplayed()).isFalse();
  }

  @Test
  void shouldNotScrollHorizontallyOnA375PixelPhone() throws IOException {
    HeadlessChromium.phone(browser, 375, 812);
    for (String page : List.of("index.html", HOSTILE_PAGE)) {
      open(page);
      if (page.equals("index.html")) {
        screenshot("index-375.png");
      } else {
        screenshot("detail-375.png");
      }

      Object overflow =
          browser.executeScript(
              "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
      assertThat(browser.executeScript("return window.innerWidth")).isEqualTo(375L);
      assertThat(overflow).as(page).isEqualTo(0L);
    }
  }

  @Test
  void shouldReachEveryControlWithTheKeyboard() {
    open("index.html");
    WebElement body = browser.findElement(By.tagName("body"));
    List<String> focused = new java.util.ArrayList<>();
    for (int i = 0; i < 20; i++) {
      body.sendKeys(Keys.TAB);
      WebElement active = browser.switchTo().activeElement();
      String tag = active.getTagName();
      boolean named = tag.equals("a") || tag.equals("button");
      focused.add(tag + "#" + active.getAttribute("id") + ":" + (named ? active.getText() : ""));
      body = active;
    }

    assertThat(focused.get(0)).isEqualTo("a#:Skip to the table");
    assertThat(focused)
        .contains("input#q:", "select#f-status:", "select#f-severity:", "select#f-component:")
        .contains("select#f-year:", "select#f-sort:")
        .anyMatch(f -> f.startsWith("button#:CVE ID"));
    browser.findElement(By.id("q")).sendKeys("kubelet" + Keys.ENTER);
    assertThat(visibleIds()).containsExactly("CVE-2024-10220");
    assertThat(browser.getCurrentUrl()).endsWith("/index.html?q=kubelet");
    assertThat(HeadlessChromium.consoleErrors(browser))
        .as("Enter must not submit the form")
        .isEmpty();
    WebElement sort = browser.findElement(By.cssSelector("th[data-sort=id] button"));
    sort.sendKeys(Keys.ENTER);
    assertThat(browser.findElement(By.cssSelector("th[data-sort=id]")).getAttribute("aria-sort"))
        .isEqualTo("ascending");
  }

  /**
   * Light and dark colour schemes, desktop and phone. All findings go to target/screenshots/axe.txt
   * for the reviewer; serious or critical ones fail.
   */
  @Test
  void shouldPassAxeWithoutSeriousOrCriticalViolations() throws IOException {
    Axe axe = Axe.load();
    List<String> report = new ArrayList<>();
    for (String view :
        List.of(
            "light index.html",
            "light " + HOSTILE_PAGE,
            "light cve/CVE-2023-2727.html",
            "phone index.html",
            "dark index.html",
            "dark " + HOSTILE_PAGE)) {
      String page = view.substring(view.indexOf(' ') + 1);
      HeadlessChromium.desktop(browser);
      if (view.startsWith("phone")) {
        HeadlessChromium.phone(browser, 375, 812);
      } else if (view.startsWith("dark")) {
        HeadlessChromium.darkScheme(browser);
      }
      open(page);
      if (view.equals("dark index.html")) {
        screenshot("index-dark.png");
      }
      axe.violations(browser).forEach(v -> report.add(view + " " + v));
    }
    Files.createDirectories(SCREENSHOTS);
    Files.write(SCREENSHOTS.resolve("axe.txt"), report);

    assertThat(report).noneMatch(Axe::serious);
  }
}
