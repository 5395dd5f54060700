package io.k8s.cvefeed.model;

/** One feed entry: one CVE id of one advisory. */
public record FeedItem(CveId id, Advisory advisory) {}
