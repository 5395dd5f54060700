package io.k8s.cvefeed.integrity;

import io.k8s.cvefeed.github.LabelEvent;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Finds the event that applied a label as it stands now. */
final class LastLabel {
  private LastLabel() {}

  /**
   * The last {@code labeled} event for {@code label} that no later {@code unlabeled} event undid,
   * or {@code null} when the label is not on the issue according to its events. A label removed and
   * re-added counts from the re-adding; names compare ignoring case, as GitHub does.
   *
   * @param events in the order GitHub lists them (oldest first)
   */
  static @Nullable LabelEvent applied(List<LabelEvent> events, String label) {
    LabelEvent current = null;
    for (LabelEvent e : events) {
      if (!e.label().equalsIgnoreCase(label)) {
        continue;
      }
      if (e.added()) {
        current = e;
      } else {
        current = null;
      }
    }
    return current;
  }
}
