package io.k8s.cvefeed.github;

/** Hears each listing page as it is read, e.g. to show progress on stderr. */
@FunctionalInterface
public interface ProgressListener {
  /**
   * One more page was read. Always called from the thread that started the listing.
   *
   * @param done pages read so far
   * @param total pages expected, or {@code 0} while the total is unknown
   */
  void onPage(int done, int total);
}
