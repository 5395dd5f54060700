package io.k8s.cvefeed.cli;

import io.k8s.cvefeed.history.ChangeHistory;
import io.k8s.cvefeed.history.WebhookNotifier;
import io.k8s.cvefeed.refresh.Refresher;
import java.net.URI;
import java.util.List;
import java.util.function.Consumer;

/**
 * What every refresh does for the feed's readers: the change history in each release, and, with
 * {@code --notify-webhook}, a message per new CVE and status change once the release is published.
 */
final class ConsumerHooks {
  private ConsumerHooks() {}

  /**
   * @param webhooks the {@code --notify-webhook} URLs, validated with the other options ({@link
   *     RefreshOptions#toConfig})
   * @param warnings hears webhook deliveries that failed (never the webhook URL's path)
   */
  static Refresher.Builder attach(
      Refresher.Builder builder, List<URI> webhooks, Consumer<String> warnings) {
    ChangeHistory history = new ChangeHistory();
    builder.extras(history);
    if (!webhooks.isEmpty()) {
      builder.listener(new WebhookNotifier(history, webhooks, warnings));
    }
    return builder;
  }
}
