package io.k8s.cvefeed.render;

/** Content types of the artifacts. */
public final class MediaTypes {
  public static final String JSON_FEED = "application/feed+json";
  public static final String JSON = "application/json";
  public static final String RSS = "application/rss+xml";
  public static final String ATOM = "application/atom+xml";
  public static final String HTML = "text/html; charset=utf-8";
  public static final String MARKDOWN = "text/markdown; charset=utf-8";
  public static final String CSS = "text/css; charset=utf-8";
  public static final String JAVASCRIPT = "text/javascript; charset=utf-8";
  public static final String ZIP = "application/zip";

  private MediaTypes() {}
}
