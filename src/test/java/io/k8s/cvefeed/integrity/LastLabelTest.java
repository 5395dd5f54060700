package io.k8s.cvefeed.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8s.cvefeed.github.LabelEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which event applied the label as it stands, for sequences of label events. */
class LastLabelTest {
  /**
   * @param events space-separated {@code +actor} (labeled) / {@code -actor} (unlabeled), oldest
   *     first; {@code ~actor} labels another label
   * @param expected the actor of the standing event, or {@code none}
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "applied once,                 +alice,                     alice",
    "removed and re-added,         +alice -bob +mallory,       mallory",
    "applied twice,                +alice +bob,                bob",
    "removed at the end,           +alice -bob,                none",
    "other label only,             ~alice,                     none",
    "other label after ours,       +alice ~mallory,            alice",
    "no events,                    '',                         none",
  })
  void shouldFindTheStandingLabelEvent(String name, String events, String expected) {
    List<LabelEvent> list = new ArrayList<>();
    Instant t = Instant.parse("2024-01-01T00:00:00Z");
    for (String e : events.isBlank() ? new String[0] : events.split(" ")) {
      String label = e.charAt(0) == '~' ? "kind/bug" : "Official-CVE-Feed";
      list.add(new LabelEvent(label, e.charAt(0) != '-', e.substring(1), t));
      t = t.plusSeconds(60);
    }

    LabelEvent applied = LastLabel.applied(list, "official-cve-feed");

    assertThat(applied == null ? "none" : applied.actor()).isEqualTo(expected);
  }
}
