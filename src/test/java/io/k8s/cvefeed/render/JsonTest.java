package io.k8s.cvefeed.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Rendered JSON: compact or indented, one trailing newline, HTML-significant characters escaped.
 */
class JsonTest {
  private static String text(Artifact a) {
    return new String(a.bytes(), StandardCharsets.UTF_8);
  }

  @Test
  void shouldIndentTwoSpacesAndEndWithANewline() {
    Artifact a =
        Json.pretty(
            "osv/CVE-2024-0001.json",
            MediaTypes.JSON,
            g -> {
              g.writeStartObject();
              g.writeStringProperty("id", "CVE-2024-0001");
              g.writeEndObject();
            });

    assertThat(text(a)).isEqualTo("{\n  \"id\": \"CVE-2024-0001\"\n}\n");
    assertThat(a.path()).isEqualTo("osv/CVE-2024-0001.json");
  }

  @Test
  void shouldEscapeHtmlSignificantCharactersAsGoDoes() {
    Artifact a =
        Json.compact(
            "a.json",
            MediaTypes.JSON,
            16,
            g -> {
              g.writeStartObject();
              g.writeStringProperty("t", "<b>&</b>\u2028\u2029");
              g.writeEndObject();
            });

    assertThat(text(a))
        .isEqualTo("{\"t\":\"\\u003cb\\u003e\\u0026\\u003c/b\\u003e\\u2028\\u2029\"}\n");
  }

  @Test
  void shouldWriteTheWholeDocumentWhateverTheSizeHint() {
    String long100k = "x".repeat(100_000);
    for (int hint : new int[] {0, 1_000, 1_000_000}) {
      Artifact a =
          Json.compact(
              "a.json",
              MediaTypes.JSON,
              hint,
              g -> {
                g.writeStartObject();
                g.writeStringProperty("text", long100k);
                g.writeEndObject();
              });

      assertThat(text(a)).as("hint %d", hint).isEqualTo("{\"text\":\"" + long100k + "\"}\n");
    }
  }
}
