package io.k8s.cvefeed.integrity;

import java.util.List;

/** Hand-written issue events in the shape GitHub sends them, trimmed to the fields we read. */
final class GitHubEvents {
  static final String FEED = "official-cve-feed";

  private GitHubEvents() {}

  static String labeled(String label, String actor, String at) {
    return event("labeled", label, actor, at);
  }

  static String unlabeled(String label, String actor, String at) {
    return event("unlabeled", label, actor, at);
  }

  /** An event kind the check must ignore. */
  static String commented(String actor, String at) {
    return "{\"event\":\"mentioned\",\"actor\":{\"login\":\""
        + actor
        + "\"},\"created_at\":\""
        + at
        + "\"}";
  }

  static String page(String... events) {
    return "[" + String.join(",", List.of(events)) + "]";
  }

  static String eventsPath(long issue) {
    return "/repos/kubernetes/kubernetes/issues/" + issue + "/events?per_page=100";
  }

  private static String event(String kind, String label, String actor, String at) {
    return "{\"event\":\""
        + kind
        + "\",\"actor\":{\"login\":\""
        + actor
        + "\"},\"created_at\":\""
        + at
        + "\",\"label\":{\"name\":\""
        + label
        + "\",\"color\":\"ededed\"}}";
  }
}
