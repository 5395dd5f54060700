package io.k8s.cvefeed.github;

import io.k8s.cvefeed.net.NetworkFailure;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One HTTP request to GitHub and what its answer means: done, retry, wait for a rate limit, follow
 * a redirect, or (by throwing) fail for good. {@link GitHubClient} loops over attempts.
 */
final class Exchange {
  private final HttpClient http;
  private final @Nullable String token;
  private final EtagCache cache;
  private final RequestListener listener;
  private final Clock clock;
  private final Duration requestTimeout;
  private final String userAgent;
  private final long maxBodyBytes;
  private final JsonMapper json = JsonMapper.builder().build();

  Exchange(
      HttpClient http,
      @Nullable String token,
      EtagCache cache,
      RequestListener listener,
      Clock clock,
      Duration requestTimeout,
      String userAgent,
      long maxBodyBytes) {
    this.http = http;
    this.token = token;
    this.cache = cache;
    this.listener = listener;
    this.clock = clock;
    this.requestTimeout = requestTimeout;
    this.userAgent = userAgent;
    this.maxBodyBytes = maxBodyBytes;
  }

  <R> Attempt<R> attempt(URI uri, Tally tally, boolean conditional, BodyReader<R> reader)
      throws SourceException, InterruptedException {
    EtagCache.Entry cached = conditional ? cache.get(uri) : null;
    HttpResponse<byte[]> response;
    tally.request();
    try {
      response = send(request(uri, cached));
    } catch (LimitedBody.TooLarge e) {
      listener.onNoResponse();
      throw tooLarge(uri, e);
    } catch (IOException e) {
      listener.onNoResponse();
      NetworkFailure failure = NetworkFailure.of(uri, e);
      return new Attempt.Retry<>(failure.what(), failure);
    }
    int status = response.statusCode();
    Integer remaining = intHeader(response, "X-RateLimit-Remaining");
    tally.rateLimitRemaining(remaining);
    listener.onResponse(status, remaining);
    if (status == 200) {
      return ok(uri, response, reader);
    }
    if (status == 304) {
      return notModified(uri, cached, response, tally, reader);
    }
    if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
      URI location = location(response);
      if (location != null) {
        return new Attempt.Redirect<>(location);
      }
    }
    RateLimit limit = RateLimit.of(status, response.headers(), response.body(), clock.instant());
    if (limit != null) {
      return new Attempt.Wait<>(limit);
    }
    if (status >= 500) {
      return new Attempt.Retry<>("HTTP " + StatusText.status(status));
    }
    throw new SourceException(
        StatusText.failure(
            StatusText.display(uri), status, githubMessage(response.body()), token != null));
  }

  /** POSTs {@code jsonBody} once; the JSON answer of a 200 or 201, else a failure. */
  JsonNode post(URI uri, String jsonBody) throws SourceException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .POST(HttpRequest.BodyPublishers.ofString(jsonBody))
            .timeout(requestTimeout)
            .header("Accept", "application/vnd.github+json")
            .header("Content-Type", "application/json")
            .header("X-GitHub-Api-Version", GitHubClient.API_VERSION)
            .header("User-Agent", userAgent);
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<byte[]> response;
    try {
      response = send(request.build());
    } catch (IOException e) {
      listener.onNoResponse();
      throw new SourceException(
          StatusText.display(uri)
              + ": POST failed: "
              + NetworkFailure.of(uri, e).text()
              + "; "
              + GitHubClient.API_HINT,
          e);
    }
    int status = response.statusCode();
    listener.onResponse(status, intHeader(response, "X-RateLimit-Remaining"));
    if (status != 200 && status != 201) {
      throw new SourceException(
          StatusText.failure(
              StatusText.display(uri), status, githubMessage(response.body()), token != null));
    }
    try {
      return json.readTree(response.body());
    } catch (JacksonException e) {
      throw new SourceException(
          StatusText.display(uri) + ": invalid JSON answer (" + e.getOriginalMessage() + ")", e);
    }
  }

  /**
   * Sends {@code request} and reads the whole body within the request timeout. {@code
   * HttpRequest.timeout} alone only bounds the wait for the headers, so a body that stalls would
   * block forever; cancelling the future aborts the exchange.
   */
  private HttpResponse<byte[]> send(HttpRequest request) throws IOException, InterruptedException {
    CompletableFuture<HttpResponse<byte[]>> future =
        http.sendAsync(request, LimitedBody.handler(maxBodyBytes));
    try {
      return future.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new HttpTimeoutException(
          "no complete answer within " + RateLimit.human(requestTimeout));
    } catch (InterruptedException e) {
      future.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      throw new IOException(String.valueOf(cause), cause);
    }
  }

  private HttpRequest request(URI uri, EtagCache.@Nullable Entry cached) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .GET()
            .timeout(requestTimeout)
            .header("Accept", "application/vnd.github+json")
            .header("Accept-Encoding", "gzip")
            .header("X-GitHub-Api-Version", GitHubClient.API_VERSION)
            .header("User-Agent", userAgent);
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (cached != null) {
      request.header("If-None-Match", cached.etag());
    }
    return request.build();
  }

  private <R> Attempt<R> ok(URI uri, HttpResponse<byte[]> response, BodyReader<R> reader)
      throws SourceException {
    byte[] body;
    try {
      body = decode(response);
    } catch (LimitedBody.TooLarge e) {
      throw tooLarge(uri, e);
    } catch (IOException e) {
      return new Attempt.Retry<>("body cut short (" + describe(e) + ")");
    }
    if (body.length == 0) {
      return new Attempt.Retry<>("empty body");
    }
    R value;
    try {
      value = read(body, reader);
    } catch (JacksonException e) {
      return new Attempt.Retry<>("invalid JSON (" + e.getOriginalMessage() + ")");
    }
    String link = response.headers().firstValue("Link").orElse(null);
    String etag = response.headers().firstValue("ETag").orElse(null);
    if (etag != null && !etag.isBlank()) {
      cache.put(uri, new EtagCache.Entry(etag, link, body));
    }
    return new Attempt.Done<>(new Fetched<>(value, link, false));
  }

  private <R> Attempt<R> notModified(
      URI uri,
      EtagCache.@Nullable Entry cached,
      HttpResponse<byte[]> response,
      Tally tally,
      BodyReader<R> reader)
      throws SourceException {
    if (cached == null) {
      return new Attempt.Retry<>("304 Not Modified to a request without If-None-Match");
    }
    R value;
    try {
      value = read(cached.body(), reader);
    } catch (JacksonException e) {
      cache.remove(uri);
      return new Attempt.Refetch<>();
    }
    tally.notModified();
    String link = response.headers().firstValue("Link").orElse(cached.link());
    return new Attempt.Done<>(new Fetched<>(value, link, true));
  }

  /** Reads all of {@code body}; throws {@link JacksonException} for JSON that is bad or cut. */
  private <R> R read(byte[] body, BodyReader<R> reader) throws SourceException {
    try (JsonParser parser = json.createParser(body)) {
      R value = reader.read(parser);
      if (parser.nextToken() != null) {
        throw new StreamReadException(parser, "data after the JSON value");
      }
      return value;
    }
  }

  private byte[] decode(HttpResponse<byte[]> response) throws IOException {
    String encoding = response.headers().firstValue("Content-Encoding").orElse("");
    if (!encoding.equalsIgnoreCase("gzip")) {
      return response.body();
    }
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
      return LimitedBody.readAll(in, maxBodyBytes);
    }
  }

  private static SourceException tooLarge(URI uri, LimitedBody.TooLarge e) {
    return new SourceException(
        StatusText.display(uri)
            + ": "
            + e.getMessage()
            + "; refused (a GitHub page is a few MB); check --github-api points at the GitHub API",
        e);
  }

  private @Nullable String githubMessage(byte[] body) {
    try {
      JsonNode message = json.readTree(body).path("message");
      return message.isString() ? message.stringValue() : null;
    } catch (JacksonException e) {
      return null;
    }
  }

  private static @Nullable URI location(HttpResponse<?> response) {
    try {
      return response.headers().firstValue("Location").map(URI::create).orElse(null);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static @Nullable Integer intHeader(HttpResponse<?> response, String name) {
    String value = response.headers().firstValue(name).orElse(null);
    if (value == null) {
      return null;
    }
    try {
      return Integer.valueOf(value.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String describe(IOException e) {
    String message = e.getMessage();
    String name = e.getClass().getSimpleName();
    return message == null || message.isBlank() ? name : name + ": " + message;
  }
}
