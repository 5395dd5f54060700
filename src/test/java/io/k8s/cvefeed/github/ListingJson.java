package io.k8s.cvefeed.github;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

/** Small hand-written GitHub issue objects for listing tests. */
final class ListingJson {
  private ListingJson() {}

  /**
   * Issue {@code number} as the REST API lists it, trimmed to the fields cvefeed reads plus one it
   * ignores ({@code comments}). Closed as completed, one label object, a CRLF body.
   */
  static String issue(long number) {
    return """
        {"number":%d,"title":"CVE-2024-%d: example flaw %d","body":"CVSS Rating: low\\r\\nDetails",\
        "state":"closed","state_reason":"completed",\
        "html_url":"https://github.com/o/r/issues/%d",\
        "created_at":"2024-01-02T03:04:05Z","updated_at":"2024-02-03T04:05:06Z",\
        "closed_at":"2024-02-03T04:05:06Z","labels":[{"name":"official-cve-feed"}],\
        "user":{"login":"reporter"},"comments":3}"""
        .formatted(number, 10_000 + number, number, number);
  }

  /** A pull request: GitHub lists them among issues, marked by a {@code pull_request} key. */
  static String pullRequest(long number) {
    return """
        {"number":%d,"title":"Fix CVE-2024-1","body":null,"state":"open","state_reason":null,\
        "html_url":"https://github.com/o/r/pull/%d","created_at":"2024-01-02T03:04:05Z",\
        "updated_at":"2024-01-02T03:04:05Z","closed_at":null,"labels":[],\
        "user":{"login":"contributor"},"pull_request":{"url":"https://api.github.com/x"}}"""
        .formatted(number, number);
  }

  /** Issues {@code count} down to 1, newest first, as GitHub's default sort lists them. */
  static List<String> newestFirst(int count) {
    List<String> out = new ArrayList<>();
    LongStream.rangeClosed(1, count).map(n -> count + 1 - n).forEach(n -> out.add(issue(n)));
    return out;
  }

  /** {@code count, count - 1, ..., 1}. */
  static List<Long> numbersDown(int count) {
    return LongStream.rangeClosed(1, count).map(n -> count + 1 - n).boxed().toList();
  }
}
