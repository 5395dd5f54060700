package io.k8s.cvefeed.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StatusJsonTest {
  @Test
  void shouldWriteCheckedAndChangedTimesInWholeSeconds() {
    Artifact status =
        StatusJson.of(
            Instant.parse("2024-07-01T14:00:00.789Z"),
            Instant.parse("2024-07-01T12:00:00Z"),
            Duration.ofHours(6));

    assertThat(status.path()).isEqualTo("status.json");
    assertThat(status.mediaType()).isEqualTo("application/json");
    assertThat(new String(status.bytes(), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"schema\":1,\"checked_at\":\"2024-07-01T14:00:00Z\","
                + "\"updated_at\":\"2024-07-01T12:00:00Z\",\"stale_after_seconds\":21600}\n");
  }

  @Test
  void shouldBeTheFileTheIndexPageReads() throws Exception {
    var doc = PolyglotHtml.parse(new HtmlRenderer().render(FeedFixtures.basic()).get(0).bytes());

    assertThat(PolyglotHtml.attributes(doc, "data-status-url")).containsExactly(StatusJson.PATH);
  }
}
