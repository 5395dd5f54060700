package io.k8s.cvefeed.refresh;

import io.k8s.cvefeed.extract.Extraction;
import io.k8s.cvefeed.source.RawIssue;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Starts extracting each issue as soon as its listing page is read, while the other pages are still
 * on the wire, so a one-shot refresh spends the network wait on extraction instead of idling. Hand
 * it to the source as the issue listener ({@link #accept}) and to the {@link Refresher} as the
 * extractor ({@link #apply}); an issue it never heard of, or heard of in another copy, is extracted
 * on the spot. Extraction is pure, so the result is the same either way.
 *
 * <p>For one refresh at a time: a long-running service that reuses an unchanged snapshot would
 * waste the early work and should use the plain extractor.
 */
public final class EagerExtractor
    implements Function<RawIssue, Extraction>, Consumer<RawIssue>, AutoCloseable {
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final Function<RawIssue, Extraction> extractor;
  private final ExecutorService pool;
  private final Map<Long, Started> started = new ConcurrentHashMap<>();

  private record Started(RawIssue issue, CompletableFuture<Extraction> result) {}

  /**
   * @param extractor the thread-safe extraction to run early
   * @param threads how many issues to extract at once
   */
  public EagerExtractor(Function<RawIssue, Extraction> extractor, int threads) {
    this.extractor = extractor;
    this.pool =
        Executors.newFixedThreadPool(
            Math.max(1, threads),
            task -> {
              Thread t = new Thread(task, "cvefeed-extract-" + THREADS.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /** Starts extracting {@code issue} in the background. */
  @Override
  public void accept(RawIssue issue) {
    try {
      started.put(
          issue.number(),
          new Started(issue, CompletableFuture.supplyAsync(() -> extractor.apply(issue), pool)));
    } catch (RejectedExecutionException e) {
      // Closed: a page thread still running after a failed listing. Nothing will ask for it.
    }
  }

  /** The extraction of {@code issue}: the early one when it was of this very copy, else now. */
  @Override
  public Extraction apply(RawIssue issue) {
    Started s = started.remove(issue.number());
    if (s == null || s.issue() != issue) {
      return extractor.apply(issue);
    }
    try {
      return s.result().join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  /** Issues heard of but not asked for yet (copies the listing replaced, say). */
  int pending() {
    return started.size();
  }

  /** Stops the workers; extractions still running are abandoned. */
  @Override
  public void close() {
    pool.shutdownNow();
    started.clear();
  }
}
