package io.k8s.cvefeed.github;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamReadException;

/** Reads every page of one listing for {@link GitHubClient#list}. */
final class PageWalker<T> {
  /** A guard against a server that ignores {@code page} and answers full pages forever. */
  static final int MAX_PAGES = 10_000;

  private static final AtomicInteger THREADS = new AtomicInteger();

  private final GitHubClient client;
  private final int perPage;
  private final ItemReader<T> reader;
  private final @Nullable ProgressListener progress;
  private final int concurrency;
  private final Tally tally = new Tally();
  private final List<List<T>> pages = new ArrayList<>();

  PageWalker(
      GitHubClient client,
      int perPage,
      ItemReader<T> reader,
      @Nullable ProgressListener progress,
      int concurrency) {
    this.client = client;
    this.perPage = perPage;
    this.reader = reader;
    this.progress = progress;
    this.concurrency = concurrency;
  }

  Listing<T> walk(URI first) throws SourceException, InterruptedException {
    Page<T> one = read(first);
    URI last = LinkHeader.rel(one.link(), "last");
    int lastPage = last == null ? -1 : LinkHeader.page(last);
    if (last != null && lastPage > 1) {
      add(one, lastPage);
      Page<T> tail = concurrently(last, lastPage);
      // Only when the last page itself says there is more (issues labelled while listing).
      sequentially(tail, lastPage + 1, last);
    } else {
      add(one, hasMore(one) ? 0 : 1);
      sequentially(one, 2, first);
    }
    List<T> items = new ArrayList<>();
    pages.forEach(items::addAll);
    return new Listing<>(
        items,
        pages.size(),
        tally.requests(),
        tally.notModifiedCount(),
        tally.rateLimitRemaining());
  }

  /** Reads pages 2 to {@code lastPage}, at most {@code concurrency} at once; returns the last. */
  private Page<T> concurrently(URI last, int lastPage)
      throws SourceException, InterruptedException {
    int count = lastPage - 1;
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, count), this::thread);
    try {
      CompletionService<Page<T>> done = new ExecutorCompletionService<>(pool);
      for (int number = 2; number <= lastPage; number++) {
        URI uri = LinkHeader.withPage(last, number);
        done.submit(() -> read(uri));
      }
      List<@Nullable Page<T>> byNumber = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        byNumber.add(null);
      }
      for (int i = 0; i < count; i++) {
        Page<T> page = take(done);
        byNumber.set(page.number() - 2, page);
        progressed(pages.size() + i + 1, lastPage);
      }
      Page<T> tail = one(byNumber.get(count - 1));
      for (Page<T> page : byNumber) {
        pages.add(one(page).items());
      }
      return tail;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Reads pages one after another from {@code previous}: to its {@code rel="next"} link, or, when
   * it has no {@code Link} header at all but is full, to page {@code number}, and so on.
   */
  private void sequentially(Page<T> previous, int number, URI template)
      throws SourceException, InterruptedException {
    Page<T> page = previous;
    while (hasMore(page)) {
      if (pages.size() >= MAX_PAGES) {
        throw new SourceException(
            StatusText.display(template)
                + ": more than "
                + MAX_PAGES
                + " full pages; the server seems to ignore the page parameter");
      }
      URI next = LinkHeader.rel(page.link(), "next");
      page = read(next != null ? next : LinkHeader.withPage(template, number));
      add(page, 0);
      number++;
    }
  }

  /** Whether a page follows {@code page}: it links to one, or it lacks Link and is full. */
  private static boolean hasMore(Page<?> page) {
    return LinkHeader.rel(page.link(), "next") != null || (page.full() && page.link() == null);
  }

  private Page<T> read(URI uri) throws SourceException, InterruptedException {
    Fetched<Page<T>> fetched;
    try {
      fetched = client.fetch(uri, tally, parser -> items(uri, parser));
    } catch (RuntimeException e) { // a bug in an item reader: still name the page
      throw new SourceException(StatusText.display(uri) + ": cannot read the page: " + e, e);
    }
    Page<T> page = fetched.value();
    return new Page<>(LinkHeader.page(uri), page.items(), page.full(), fetched.link());
  }

  /** Streams one page: a JSON array whose elements go through the item reader. */
  private Page<T> items(URI uri, JsonParser parser) throws SourceException {
    JsonToken first = parser.nextToken();
    if (first == null) {
      throw new StreamReadException(parser, "empty body");
    }
    if (first != JsonToken.START_ARRAY) {
      throw new SourceException(
          StatusText.display(uri) + ": expected a JSON array of items, got " + first);
    }
    List<T> items = new ArrayList<>();
    int count = 0;
    for (JsonToken token = parser.nextToken();
        token != JsonToken.END_ARRAY;
        token = parser.nextToken()) {
      if (token == null) {
        throw new StreamReadException(parser, "array cut short");
      }
      count++;
      T item = reader.read(uri, parser);
      if (item != null) {
        items.add(item);
      }
    }
    return new Page<>(LinkHeader.page(uri), items, count >= perPage, null);
  }

  private void add(Page<T> page, int total) {
    pages.add(page.items());
    progressed(pages.size(), total);
  }

  private void progressed(int done, int total) {
    if (progress != null) {
      progress.onPage(done, total);
    }
  }

  private static <T> Page<T> take(CompletionService<Page<T>> done)
      throws SourceException, InterruptedException {
    Future<Page<T>> future = done.take();
    try {
      return future.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof SourceException source) {
        throw source;
      }
      if (cause instanceof InterruptedException interrupted) {
        throw interrupted;
      }
      throw new SourceException("listing page: failed: " + cause, cause);
    }
  }

  private static <T> Page<T> one(@Nullable Page<T> page) {
    if (page == null) {
      throw new IllegalStateException("a listing page was never read");
    }
    return page;
  }

  private Thread thread(Runnable task) {
    Thread thread = new Thread(task, "cvefeed-page-" + THREADS.incrementAndGet());
    thread.setDaemon(true);
    return thread;
  }

  /** One page: its number ({@code -1} when the URL has none), items, fullness and Link. */
  private record Page<T>(int number, List<T> items, boolean full, @Nullable String link) {}
}
