package io.k8s.cvefeed.model;

/**
 * The feed envelope's fixed texts. {@link #OFFICIAL} holds the values of the official feed at
 * kubernetes.io, as its refresh job writes them (docs/format.md); each can be overridden.
 */
public record FeedInfo(
    String title,
    String homePageUrl,
    String feedUrl,
    String description,
    String authorName,
    String authorUrl,
    String refreshJobUrl) {

  public static final FeedInfo OFFICIAL =
      new FeedInfo(
          "Kubernetes Vulnerability Announcements - CVE Feed",
          "https://kubernetes.io",
          "https://kubernetes.io/docs/reference/issues-security/official-cve-feed/index.json",
          "Auto-refreshing official CVE feed for Kubernetes repository",
          "Kubernetes Community",
          "https://www.kubernetes.dev",
          "https://testgrid.k8s.io/sig-security-cve-feed#auto-refreshing-official-cve-feed");
}
