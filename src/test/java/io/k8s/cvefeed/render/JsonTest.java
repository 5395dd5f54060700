package io.k8s.cvefeed.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Rendered JSON keeps its buffer when the estimate was close, and trims it when it was not. */
class JsonTest {
  private static Artifact compact(int sizeHint, int chars) {
    return Json.compact(
        "a.json",
        MediaTypes.JSON,
        sizeHint,
        g -> {
          g.writeStartObject();
          g.writeStringProperty("text", "x".repeat(chars));
          g.writeEndObject();
        });
  }

  @Test
  void shouldTrimASmallRecordOutOfABigStartingBuffer() {
    Artifact a =
        Json.pretty(
            "osv/CVE-2024-0001.json",
            MediaTypes.JSON,
            g -> {
              g.writeStartObject();
              g.writeStringProperty("id", "CVE-2024-0001");
              g.writeEndObject();
            });

    assertThat(a.retained()).isEqualTo(a.size());
    assertThat(new String(a.bytes(), StandardCharsets.UTF_8))
        .isEqualTo("{\n  \"id\": \"CVE-2024-0001\"\n}\n");
  }

  @Test
  void shouldKeepTheBufferWhenTheEstimateWasClose() {
    Artifact a = compact(110_000, 100_000);

    assertThat(a.size()).isEqualTo(100_000 + "{\"text\":\"\"}\n".length());
    assertThat(a.retained()).isEqualTo(110_000);
  }

  @Test
  void shouldTrimWhenTheEstimateWasFarTooHigh() {
    Artifact a = compact(1_000_000, 100_000);

    assertThat(a.retained()).isEqualTo(a.size());
    assertThat(a).isEqualTo(compact(110_000, 100_000));
  }
}
