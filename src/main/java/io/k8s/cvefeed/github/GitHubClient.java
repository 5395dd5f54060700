package io.k8s.cvefeed.github;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.JsonNode;

/**
 * Reads JSON from the GitHub REST API with the rules every cvefeed request follows: token as a
 * header, retries with backoff for 5xx, resets and bad bodies, waits for rate limits up to a
 * maximum, conditional requests through an {@link EtagCache}, and concurrent paging. Thread-safe;
 * build one with {@link #builder()} and share it.
 */
public final class GitHubClient {
  static final String API_VERSION = "2022-11-28";

  /** The GitHub-specific next step after a network failure. */
  static final String API_HINT =
      "check --github-api (default https://api.github.com; GitHub Enterprise and mirrors need it)";

  private static final int MAX_REDIRECTS = 5;

  private final Exchange exchange;
  private final URI apiBase;
  private final boolean hasToken;
  private final Sleeper sleeper;
  private final Backoff backoff;
  private final int maxTries;
  private final Duration maxWait;
  private final Clock clock;
  private final int concurrency;

  GitHubClient(GitHubClientBuilder b) {
    this.apiBase = b.apiBase;
    this.hasToken = b.token != null;
    this.sleeper = b.sleeper;
    this.backoff = new Backoff(b.backoffBase, b.backoffMax, b.random);
    this.maxTries = b.maxTries;
    this.maxWait = b.maxWait;
    this.clock = b.clock;
    this.concurrency = b.concurrency;
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(b.connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(
                "http".equalsIgnoreCase(apiBase.getScheme())
                    ? HttpClient.Version.HTTP_1_1
                    : HttpClient.Version.HTTP_2)
            .build();
    this.exchange =
        new Exchange(
            http,
            b.token,
            b.cache,
            b.listener,
            b.clock,
            b.requestTimeout,
            b.userAgent,
            b.maxBodyBytes);
  }

  /** Starts a builder with the defaults (api.github.com, no token, no cache). */
  public static GitHubClientBuilder builder() {
    return new GitHubClientBuilder();
  }

  /** The API base URL, e.g. {@code https://api.github.com}. */
  public URI apiBase() {
    return apiBase;
  }

  /** Whether requests carry a token. */
  public boolean hasToken() {
    return hasToken;
  }

  /** {@code pathAndQuery} (starting with {@code /}) resolved against the API base URL. */
  public URI resolve(String pathAndQuery) {
    String base = apiBase.toString();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return URI.create(base + pathAndQuery);
  }

  /** GETs one JSON document, with retries, rate-limit waits and the cache. */
  public JsonPage getJson(URI uri) throws SourceException, InterruptedException {
    Fetched<JsonNode> fetched =
        fetch(
            uri,
            new Tally(),
            parser -> {
              JsonNode tree = parser.readValueAsTree();
              if (tree == null || tree.isMissingNode()) {
                throw new StreamReadException(parser, "empty body");
              }
              return tree;
            });
    return new JsonPage(uri, fetched.value(), fetched.link(), fetched.notModified());
  }

  /**
   * Reads every page of a listing that starts at {@code first}: page 1, then pages 2 to the {@code
   * rel="last"} page of page 1's {@code Link} header concurrently, mapping each page as it arrives.
   * Without a {@code Link} header, pages are read one after another while they are full. Either
   * returns every page or throws: never a partial listing.
   *
   * @param perPage the {@code per_page} the URL asks for: a page this full may have a successor
   * @param progress told after each page, from the calling thread; may be {@code null}
   */
  public <T> Listing<T> list(
      URI first, int perPage, ItemReader<T> reader, @Nullable ProgressListener progress)
      throws SourceException, InterruptedException {
    return new PageWalker<>(this, perPage, reader, progress, concurrency).walk(first);
  }

  /**
   * POSTs {@code jsonBody} once and returns the JSON answer (200 or 201). There are no retries and
   * no cache: a POST that timed out may have taken effect, so the caller decides. Used to add
   * labels, which needs a token.
   */
  public JsonPage postJson(URI uri, String jsonBody) throws SourceException, InterruptedException {
    return new JsonPage(uri, exchange.post(uri, jsonBody), null, false);
  }

  /** GETs {@code uri} until it succeeds, fails for good, or runs out of tries. */
  <R> Fetched<R> fetch(URI uri, Tally tally, BodyReader<R> reader)
      throws SourceException, InterruptedException {
    int failures = 0;
    int redirects = 0;
    boolean conditional = true;
    URI target = uri;
    while (true) {
      Attempt<R> attempt = exchange.attempt(target, tally, conditional, reader);
      if (attempt instanceof Attempt.Done<R> done) {
        return done.fetched();
      } else if (attempt instanceof Attempt.Refetch) {
        conditional = false;
      } else if (attempt instanceof Attempt.Redirect<R> redirect) {
        target = follow(uri, target, redirect.location(), ++redirects);
      } else if (attempt instanceof Attempt.Wait<R> wait) {
        Duration length = wait.limit().delay();
        Instant now = clock.instant();
        Instant deadline = tally.waitDeadline(now, maxWait);
        if (now.plus(length).isAfter(deadline)) {
          throw new SourceException(
              wait.limit()
                  .failure(
                      StatusText.display(uri), maxWait, Duration.between(now, deadline), hasToken));
        }
        sleeper.sleep(length);
      } else if (attempt instanceof Attempt.Retry<R> retry) {
        failures++;
        if (failures >= maxTries) {
          throw new SourceException(
              StatusText.display(uri)
                  + ": failed after "
                  + failures
                  + " tries; last error: "
                  + retry.reason()
                  + (retry.network() != null
                      ? "; " + retry.network().nextStep() + "; " + API_HINT
                      : ""));
        }
        sleeper.sleep(backoff.delay(failures));
      }
    }
  }

  /**
   * Where a redirect leads. Same-origin redirects (GitHub's for renamed repositories) are followed;
   * the token is never sent to another origin.
   */
  private URI follow(URI asked, URI from, URI location, int redirects) throws SourceException {
    URI to = from.resolve(location);
    if (redirects > MAX_REDIRECTS) {
      throw new SourceException(StatusText.display(asked) + ": more than 5 redirects");
    }
    boolean sameOrigin =
        Objects.equals(from.getScheme(), to.getScheme())
            && Objects.equals(from.getHost(), to.getHost())
            && from.getPort() == to.getPort();
    if (!sameOrigin && hasToken) {
      throw new SourceException(
          StatusText.display(asked)
              + ": redirected to "
              + StatusText.display(to)
              + ", another host; the token is not sent there; check --github-api");
    }
    return to;
  }
}
