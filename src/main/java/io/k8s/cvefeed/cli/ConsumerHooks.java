package io.k8s.cvefeed.cli;

import io.k8s.cvefeed.config.UsageException;
import io.k8s.cvefeed.history.ChangeHistory;
import io.k8s.cvefeed.history.WebhookNotifier;
import io.k8s.cvefeed.refresh.Refresher;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * What every refresh does for the feed's readers: the change history in each release, and, with
 * {@code --notify-webhook}, a message per new CVE and status change once the release is published.
 */
final class ConsumerHooks {
  private ConsumerHooks() {}

  /**
   * @param warnings hears webhook deliveries that failed (never the webhook URL's path)
   */
  static Refresher.Builder attach(
      Refresher.Builder builder, List<URI> webhooks, Consumer<String> warnings)
      throws UsageException {
    ChangeHistory history = new ChangeHistory();
    builder.extras(history);
    if (!webhooks.isEmpty()) {
      builder.listener(new WebhookNotifier(history, validate(webhooks), warnings));
    }
    return builder;
  }

  static List<URI> validate(List<URI> webhooks) throws UsageException {
    List<String> problems = new ArrayList<>();
    for (URI w : webhooks) {
      String scheme = w.getScheme() == null ? "" : w.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("https") || scheme.equals("http")) || w.getHost() == null) {
        problems.add(
            "--notify-webhook "
                + WebhookNotifier.redact(w)
                + ": expected an http(s) URL with a host");
      }
    }
    if (!problems.isEmpty()) {
      throw new UsageException(String.join("\n", problems));
    }
    return webhooks;
  }
}
