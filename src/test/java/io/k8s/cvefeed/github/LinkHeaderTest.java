package io.k8s.cvefeed.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LinkHeaderTest {
  // Shaped like GitHub's header for page 2 of 5; the label list holds a comma, as GitHub leaves it.
  private static final String HEADER =
      "<https://api.github.com/repositories/20580498/issues?labels=a,b&state=all&page=3>;"
          + " rel=\"next\", "
          + "<https://api.github.com/repositories/20580498/issues?labels=a,b&state=all&page=5>;"
          + " rel=\"last\", "
          + "<https://api.github.com/repositories/20580498/issues?labels=a,b&state=all&page=1>;"
          + " rel=\"first\"";

  @Test
  void shouldFindEachRelationEvenWhenUrlsHoldCommas() {
    assertThat(LinkHeader.rel(HEADER, "last"))
        .hasToString(
            "https://api.github.com/repositories/20580498/issues?labels=a,b&state=all&page=5");
    assertThat(LinkHeader.rel(HEADER, "next"))
        .hasToString(
            "https://api.github.com/repositories/20580498/issues?labels=a,b&state=all&page=3");
    assertThat(LinkHeader.rel(HEADER, "prev")).isNull();
  }

  @Test
  void shouldFindNothingWithoutHeader() {
    assertThat(LinkHeader.rel(null, "last")).isNull();
    assertThat(LinkHeader.rel("garbage", "last")).isNull();
  }

  @Test
  void shouldAcceptSeveralRelationsInOneLink() {
    assertThat(LinkHeader.rel("<http://h/x?page=2>; rel=\"next last\"", "last"))
        .hasToString("http://h/x?page=2");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "http://h/x?a=1&page=7, 7",
    "http://h/x?page=12&a=1, 12",
    "http://h/x?a=1, -1",
    "http://h/x, -1",
    "http://h/x?page=seven, -1",
    "http://h/x?per_page=100, -1",
  })
  void shouldReadPageParameter(String uri, int page) {
    assertThat(LinkHeader.page(URI.create(uri))).isEqualTo(page);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "http://h/x?a=1&page=7&b=2, http://h/x?a=1&page=3&b=2",
    "http://h/x?per_page=100, http://h/x?per_page=100&page=3",
    "http://h/x, http://h/x?page=3",
    "http://h/x?page=1&page=2, http://h/x?page=3",
  })
  void shouldSetPageParameter(String uri, String expected) {
    assertThat(LinkHeader.withPage(URI.create(uri), 3)).hasToString(expected);
  }
}
