package io.k8s.cvefeed.github;

/** Where announcement issues come from. */
public interface IssueSource {
  /**
   * Reads every issue carrying the feed label. Either returns all of them or throws: never a
   * partial list.
   */
  FetchResult fetch() throws SourceException, InterruptedException;
}
