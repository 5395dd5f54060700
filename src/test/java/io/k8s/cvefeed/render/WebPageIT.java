package io.k8s.cvefeed.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * What a reader does on the page: load it, search, filter, sort, open a detail page; and what an
 * attacker's issue text cannot do. Site and browser: {@link SiteInBrowser}.
 */
class WebPageIT extends SiteInBrowser {
  @Test
  void shouldLoadIndexWithScriptAndNoConsoleErrors() throws IOException {
    open("index.html");
    screenshot("index.png");

    assertThat(browser.findElement(By.id("filters")).isDisplayed()).isTrue();
    assertThat(browser.findElement(By.id("count")).getText()).isEqualTo("Showing all 7 CVEs");
    assertThat(visibleIds()).hasSize(7).startsWith(WebFixtures.HOSTILE_ID);
    assertThat(HeadlessChromium.consoleErrors(browser)).isEmpty();
  }

  @Test
  void shouldLoadDetailPageWithoutConsoleErrors() throws IOException {
    open(HOSTILE_PAGE);
    screenshot("detail.png");

    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(WebFixtures.HOSTILE_ID);
    assertThat(HeadlessChromium.consoleErrors(browser)).isEmpty();
  }

  @ParameterizedTest(name = "\"{0}\"")
  @CsvSource(
      delimiter = ';',
      value = {
        "CVE-2023-2727; CVE-2023-2727",
        "cve-2024-0; CVE-2024-0001",
        "mountable secrets; CVE-2023-2727 CVE-2023-2728",
        "policy BYPASSING; CVE-2023-2727 CVE-2023-2728",
        "admission <script>; CVE-2025-1974",
        "kubelet gitRepo; CVE-2024-10220",
        "no-such-word; ''"
      })
  void shouldNarrowRowsToThoseMatchingEverySearchWord(String query, String expected) {
    open("index.html");

    browser.findElement(By.id("q")).sendKeys(query);

    List<String> ids = expected.isEmpty() ? List.of() : List.of(expected.split(" "));
    assertThat(visibleIds()).containsExactlyElementsOf(ids);
    assertThat(browser.findElement(By.id("count")).getText())
        .isEqualTo("Showing " + ids.size() + " of 7 CVEs");
    assertThat(browser.findElement(By.id("no-match")).isDisplayed()).isEqualTo(ids.isEmpty());
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "status; unfixed; CVE-2025-1974 CVE-2024-10220",
        "status; open; CVE-2024-0001",
        "status; unknown; CVE-2017-1002101",
        "severity; critical; CVE-2025-1974",
        "severity; medium; CVE-2023-2727 CVE-2023-2728",
        "severity; unrated; CVE-2024-9999 CVE-2024-0001 CVE-2017-1002101",
        "component; kubelet; CVE-2024-10220",
        "component; kube-apiserver; CVE-2023-2727 CVE-2023-2728",
        "year; 2023; CVE-2023-2727 CVE-2023-2728",
        "year; 2018; CVE-2017-1002101"
      })
  void shouldNarrowRowsByEachFilter(String filter, String value, String expected) {
    open("index.html");

    choose(filter, value);

    assertThat(visibleIds()).containsExactly(expected.split(" "));
    assertThat(browser.getCurrentUrl()).endsWith("?" + filter + "=" + value);
  }

  @Test
  void shouldCombineFiltersAndRestoreThemFromTheUrl() {
    open("index.html?status=fixed&year=2024");

    assertThat(visibleIds()).containsExactly("CVE-2024-9999");

    browser.findElement(By.cssSelector("button[type=reset]")).click();
    assertThat(visibleIds()).hasSize(7);
    assertThat(browser.getCurrentUrl()).endsWith("/index.html");
  }

  @Test
  void shouldSortByColumnHeaderAndToggleDirection() {
    open("index.html");
    WebElement severity = browser.findElement(By.cssSelector("th[data-sort=severity] button"));
    WebElement id = browser.findElement(By.cssSelector("th[data-sort=id] button"));

    severity.click();
    assertThat(visibleIds())
        .startsWith("CVE-2025-1974", "CVE-2024-10220", "CVE-2023-2727", "CVE-2023-2728");
    assertThat(
            browser.findElement(By.cssSelector("th[data-sort=severity]")).getAttribute("aria-sort"))
        .isEqualTo("descending");

    id.click();
    assertThat(visibleIds())
        .containsExactly(
            "CVE-2017-1002101",
            "CVE-2023-2727",
            "CVE-2023-2728",
            "CVE-2024-0001",
            "CVE-2024-9999",
            "CVE-2024-10220",
            "CVE-2025-1974");
    id.click();
    assertThat(visibleIds()).startsWith("CVE-2025-1974", "CVE-2024-10220", "CVE-2024-9999");
    assertThat(browser.findElement(By.cssSelector("th[data-sort=id]")).getAttribute("aria-sort"))
        .isEqualTo("descending");
    assertThat(
            browser.findElement(By.cssSelector("th[data-sort=severity]")).getAttribute("aria-sort"))
        .isNull();
  }

  @Test
  void shouldSortWithTheSortSelectOnPhones() {
    open("index.html");

    new Select(browser.findElement(By.id("f-sort"))).selectByValue("published:asc");

    assertThat(visibleIds())
        .startsWith("CVE-2017-1002101", "CVE-2023-2727")
        .endsWith("CVE-2025-1974");
  }

  @Test
  void shouldShowRangesPerComponentOnDetailPage() {
    open("cve/CVE-2023-2727.html");

    List<List<String>> rows =
        browser.findElements(By.cssSelector("table.versions tbody tr")).stream()
            .map(tr -> tr.findElements(By.tagName("td")).stream().map(WebElement::getText).toList())
            .toList();
    assertThat(rows)
        .containsExactly(
            List.of("kube-apiserver", ">= 1.27.0, < 1.27.3", "1.27.3"),
            List.of("kube-apiserver", "< 1.26.6", "1.26.6"),
            List.of("kube-apiserver-alias", ">= 1.25.0, < 1.25.11", "1.25.11"));
    assertThat(browser.findElement(By.cssSelector("dl.facts")).getText())
        .contains("Medium (6.5)", "CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:N", "CVE-2023-2728");
    assertThat(browser.findElements(By.cssSelector("ul.links a")))
        .extracting(a -> a.getAttribute("href"))
        .containsExactly(
            "https://github.com/kubernetes/kubernetes/issues/900101",
            "https://www.cve.org/cverecord?id=CVE-2023-2727",
            site.url("osv/CVE-2023-2727.json"),
            "https://groups.google.com/g/kubernetes-announce/search?q=CVE-2023-2727");
  }

  @Test
  void shouldMarkLastAffectedWithoutFixAsNoFixListed() {
    open("cve/CVE-2024-10220.html");

    assertThat(browser.findElement(By.cssSelector("table.versions tbody tr")).getText())
        .contains("kubelet", "<= 1.28.11", "no fix listed");
  }

  @Test
  void shouldKeepHostileTitleAndBodyInert() {
    for (String page : List.of("index.html", HOSTILE_PAGE)) {
      open(page);

      assertThat(browser.executeScript("return window.__dialogs.length")).as(page).isEqualTo(0L);
      assertThatThrownBy(() -> browser.switchTo().alert())
          .isInstanceOf(NoAlertPresentException.class);
      assertThat(
              browser.executeScript(
                  "return Array.from(document.scripts).map(function (s) { return s.src; })"))
          .as(page)
          .asInstanceOf(InstanceOfAssertFactories.LIST)
          .hasSizeLessThanOrEqualTo(1)
          .allMatch(src -> ((String) src).startsWith(site.url("assets/cvefeed.js?v=")));
      assertThat(browser.findElements(By.tagName("img"))).as(page).isEmpty();
      assertThat(browser.findElements(By.cssSelector("a[href]")))
          .extracting(a -> a.getAttribute("href"))
          .as(page)
          .noneMatch(h -> h.toLowerCase(java.util.Locale.ROOT).startsWith("javascript:"));
      assertThat(
              browser.executeScript(
                  "return Array.from(document.querySelectorAll('*')).some(function (e) {"
                      + " return Array.from(e.attributes).some(function (a) {"
                      + " return a.name.indexOf('on') === 0; }); })"))
          .as(page + ": an element with an event handler attribute")
          .isEqualTo(false);
      assertThat(browser.findElement(By.tagName("body")).getText())
          .as(page)
          .contains("<img src=x onerror=alert(1)>", "<script>alert(2)</script>");
      assertThat(HeadlessChromium.consoleErrors(browser)).as(page).isEmpty();
    }
  }

  @Test
  void shouldRenderAnnouncementMarkdownWithSafeLinksOnly() {
    open(HOSTILE_PAGE);
    WebElement announcement = browser.findElement(By.cssSelector(".announcement"));

    assertThat(announcement.findElements(By.tagName("a")))
        .extracting(a -> a.getAttribute("href"))
        .containsExactly(
            "https://www.first.org/cvss/",
            "https://github.com/kubernetes/ingress-nginx/pull/1",
            "https://example.invalid/logo.png");
    assertThat(announcement.findElements(By.cssSelector("h3")))
        .extracting(WebElement::getText)
        .containsExactly("Am I vulnerable?", "Affected Versions");
    assertThat(announcement.findElements(By.cssSelector("table tbody tr"))).hasSize(2);
    assertThat(announcement.findElement(By.tagName("pre")).getText())
        .startsWith("kubectl get pods");
  }

  @Test
  void shouldShowLastCheckedFromStatusFileAndWarnWhenStale() {
    open("index.html");
    assertThat(lastCheckedState()).isEqualTo("shown");
    WebElement checked = browser.findElement(By.id("checked"));
    assertThat(checked.isDisplayed()).isTrue();
    assertThat(checked.getText()).startsWith("· Last checked ").doesNotContain("out of date");

    site.put(
        StatusJson.of(Instant.parse("2024-07-01T14:00:00Z"), FeedFixtures.UPDATED, STALE_AFTER));
    open("index.html");

    assertThat(lastCheckedState()).isEqualTo("shown");
    WebElement stale = browser.findElement(By.id("checked"));
    assertThat(stale.findElement(By.tagName("time")).getAttribute("datetime"))
        .isEqualTo("2024-07-01T14:00:00Z");
    assertThat(stale.getText()).contains("2024-07-01 14:00 UTC", "the feed may be out of date");
  }

  @Test
  void shouldSayOnlyLastChangedWithoutStatusFile() throws IOException {
    Files.delete(site.root().resolve(StatusJson.PATH));
    open("index.html");

    assertThat(lastCheckedState()).isEqualTo("absent");
    assertThat(browser.findElement(By.cssSelector(".freshness")).getText())
        .isEqualTo("Last changed 2024-07-01 12:00 UTC");
    assertThat(browser.findElement(By.id("count")).getText()).isEqualTo("Showing all 7 CVEs");
  }
}
