package io.k8s.cvefeed.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebAssetsRendererTest {
  @Test
  void shouldPublishStylesheetScriptAndIconWithTheirMediaTypes() {
    List<Artifact> assets = new WebAssetsRenderer().render(FeedFixtures.basic());

    assertThat(assets)
        .extracting(Artifact::path, Artifact::mediaType)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("assets/cvefeed.css", MediaTypes.CSS),
            org.assertj.core.groups.Tuple.tuple("assets/cvefeed.js", MediaTypes.JAVASCRIPT),
            org.assertj.core.groups.Tuple.tuple("assets/favicon.svg", "image/svg+xml"));
    assertThat(assets).allMatch(a -> a.size() > 100);
  }

  @Test
  void shouldVersionTheLinksWithTheContentHash() {
    String href = WebAssetsRenderer.href(WebAssetsRenderer.CSS);

    assertThat(href)
        .isEqualTo("assets/cvefeed.css?v=" + WebAssetsRenderer.CSS.sha256().substring(0, 12));
  }

  /** The CSP has no 'unsafe-eval' and the pages no inline code: keep the script that way. */
  @Test
  void shouldNotUseEvalOrInlineHandlersInTheScript() {
    String js = new String(WebAssetsRenderer.JS.bytes(), StandardCharsets.UTF_8);

    assertThat(js).doesNotContain("eval(", "new Function", "innerHTML", "setAttribute(\"on");
  }
}
