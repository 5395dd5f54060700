package io.k8s.cvefeed.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebhookMessageTest {
  private static final Instant T = Instant.parse("2026-03-01T12:00:00Z");

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '#',
      nullValues = "-",
      value = {
        // kind           # old  # status # severity # summary                 # text
        "ADDED          # -    # open   # HIGH     # Plain                   # Kubernetes CVE-2026-1 new (HIGH): Plain <https://x.test/1|issue>",
        "STATUS_CHANGED # open # fixed  # -        # Plain                   # Kubernetes CVE-2026-1 status open → fixed: Plain <https://x.test/1|issue>",
        "ADDED          # -    # open   # -        # <!channel> & <a|b>      # Kubernetes CVE-2026-1 new: &lt;!channel&gt; &amp; &lt;a|b&gt; <https://x.test/1|issue>",
        "ADDED          # -    # open   # -        # ''                      # Kubernetes CVE-2026-1 new <https://x.test/1|issue>",
      })
  void shouldWriteASlackTextThatCannotForgeLinksOrMentions(
      ChangeEvent.Kind kind,
      String old,
      String status,
      String severity,
      String summary,
      String text) {
    ChangeEvent e =
        new ChangeEvent(
            T,
            kind,
            "CVE-2026-1",
            summary,
            "https://x.test/1",
            status,
            old,
            severity,
            List.of(),
            0);
    assertThat(WebhookMessage.text(e)).isEqualTo(text);
  }
}
