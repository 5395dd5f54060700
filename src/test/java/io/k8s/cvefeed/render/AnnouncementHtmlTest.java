package io.k8s.cvefeed.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;

/** Issue bodies are untrusted: Markdown in, only safe HTML out. */
class AnnouncementHtmlTest {
  private static final String REL = " rel=\"nofollow noopener noreferrer\"";

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        // name | Markdown | expected HTML
        "raw script is text | <script>alert(1)</script> | <p>&lt;script&gt;alert(1)&lt;/script&gt;</p>",
        "raw img is text | x <img src=x onerror=alert(1)> | <p>x &lt;img src&#61;x onerror&#61;alert(1)&gt;</p>",
        "javascript link loses its target | [click](javascript:alert(1)) | <p>click</p>",
        "upper-case scheme too | [click](JaVaScRiPt:alert(1)) | <p>click</p>",
        "data URL dropped | [click](data:text/html;base64,PHNjcmlwdD4=) | <p>click</p>",
        "relative link dropped | [pr](/kubernetes/kubernetes/pull/1) | <p>pr</p>",
        "https link kept | [fix](https://github.com/x/y/pull/1) | <p><a href=\"https://github.com/x/y/pull/1\""
            + "REL"
            + ">fix</a></p>",
        "image becomes link | ![logo](https://e.example/l.png) | <p><a href=\"https://e.example/l.png\""
            + "REL"
            + ">logo</a></p>",
        "image in link is its alt text | [![badge](https://e.example/b.svg)](https://e.example/) | <p><a href=\"https://e.example/\""
            + "REL"
            + ">badge</a></p>",
        "empty link text is its target | [](https://e.example/) | <p><a href=\"https://e.example/\""
            + "REL"
            + ">https://e.example/</a></p>",
        "emphasis and code | **bold** _em_ `a<b` | <p><strong>bold</strong> <em>em</em> <code>a&lt;b</code></p>",
        "blank | ` \r\n ` | ``",
      })
  void shouldRenderOnlySafeHtml(String name, String markdown, String expected) {
    assertThat(AnnouncementHtml.of(markdown)).isEqualTo(expected.replace("REL", REL));
  }

  @Test
  void shouldMoveHeadingsBelowThePageSections() {
    assertThat(AnnouncementHtml.of("#### Affected\r\n\r\n##### Detail\r\n"))
        .isEqualTo("<h3>Affected</h3>\n<h4>Detail</h4>");
    assertThat(AnnouncementHtml.of("# One\n\n###### Six\n"))
        .isEqualTo("<h3>One</h3>\n<h6>Six</h6>");
  }

  @Test
  void shouldKeepTablesListsAndCodeBlocks() {
    String html =
        AnnouncementHtml.of(
            "| Version | Fixed |\n|:--|:-:|\n| 1.2 | yes |\n\n- a\n- b\n\n```yaml\nk: <v>\n```\n");

    assertThat(html)
        .contains("<th align=\"left\">Version</th><th align=\"center\">Fixed</th>")
        .contains("<td align=\"left\">1.2</td><td align=\"center\">yes</td>")
        .contains("<ul><li>a</li><li>b</li></ul>")
        .contains("<pre><code>k: &lt;v&gt;\n</code></pre>");
  }

  @Test
  void shouldWriteWellFormedXmlEvenForControlCharacters() throws Exception {
    String html =
        AnnouncementHtml.of(
            WebFixtures.HOSTILE_BODY
                + "\u0001\u0008 bell\u0007 \uFFFE\uFFFF ]]> <!-- c --> &nbsp;");

    Document doc = PolyglotHtml.parse(("<div>" + html + "</div>").getBytes(StandardCharsets.UTF_8));

    assertThat(PolyglotHtml.elements(doc, "script")).isEmpty();
    assertThat(PolyglotHtml.elements(doc, "img")).isEmpty();
    assertThat(PolyglotHtml.elements(doc, "div")).as("no element inside the wrapper").isEmpty();
    assertThat(PolyglotHtml.attributes(doc, "href"))
        .allMatch(h -> h.startsWith("https://"))
        .hasSize(3);
    assertThat(doc.getDocumentElement().getTextContent())
        .contains("<script>alert(1)</script>", "<div onclick=\"alert(2)\">raw block HTML</div>");
  }

  @Test
  void shouldGiveSameHtmlForSameBody() {
    assertThat(AnnouncementHtml.of(WebFixtures.HOSTILE_BODY))
        .isEqualTo(AnnouncementHtml.of(WebFixtures.HOSTILE_BODY));
  }
}
