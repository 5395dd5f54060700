package io.k8s.cvefeed.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8s.cvefeed.model.FeedItem;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every text format against its golden bytes, for every fixture case. */
class RendererGoldenTest {
  static final List<String> CASES = List.of("basic", "empty");

  static Stream<Arguments> formats() {
    List<Arguments> formats =
        List.of(
            Arguments.of("json-feed", new JsonFeedRenderer()),
            Arguments.of("markdown", new MarkdownRenderer()),
            Arguments.of("html", new HtmlRenderer()),
            Arguments.of("rss", new RssRenderer()),
            Arguments.of("atom", new AtomRenderer()));
    return formats.stream()
        .flatMap(f -> CASES.stream().map(c -> Arguments.of(f.get()[0], f.get()[1], c)));
  }

  @ParameterizedTest(name = "{0}/{2}")
  @MethodSource("formats")
  void shouldMatchGoldenBytes(String format, Renderer renderer, String caseName) {
    List<Artifact> artifacts = renderer.render(FeedFixtures.named(caseName));

    assertThat(artifacts).hasSize(1);
    Artifact a = artifacts.get(0);
    String ext = a.path().substring(a.path().lastIndexOf('.'));
    Golden.check(format, caseName + ext, a.bytes());
  }

  @ParameterizedTest(name = "osv/{0}")
  @MethodSource("cases")
  void shouldMatchGoldenOsvRecords(String caseName) {
    List<Artifact> artifacts = new OsvRenderer().render(FeedFixtures.named(caseName));

    for (Artifact a : artifacts) {
      if (a.path().endsWith(".json")) {
        Golden.check("osv", caseName + "/" + a.path().substring("osv/".length()), a.bytes());
      }
    }
  }

  @ParameterizedTest(name = "html/{0}/cve")
  @MethodSource("cases")
  void shouldMatchGoldenDetailPages(String caseName) {
    for (Artifact a : new CvePageRenderer().render(FeedFixtures.named(caseName))) {
      Golden.check("html", caseName + "/" + a.path(), a.bytes());
    }
  }

  /** The announcement whose title and body are injection attempts (WebFixtures). */
  @Test
  void shouldMatchGoldenHostileDetailPage() {
    FeedItem hostile =
        WebFixtures.feed().items().stream()
            .filter(i -> i.id().value().equals(WebFixtures.HOSTILE_ID))
            .findFirst()
            .orElseThrow();

    Golden.check(
        "html",
        "hostile/" + CvePageRenderer.path(hostile.id()),
        CvePageRenderer.page(hostile).getBytes(StandardCharsets.UTF_8));
  }

  static Stream<String> cases() {
    return CASES.stream();
  }
}
