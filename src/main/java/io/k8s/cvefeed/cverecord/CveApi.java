package io.k8s.cvefeed.cverecord;

import io.k8s.cvefeed.github.Sleeper;
import io.k8s.cvefeed.net.NetworkFailure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The CVE Services API: {@code GET {base}/cve/{CVE-ID}}, no authentication. One attempt, plus one
 * retry after a 5xx or a 429 whose {@code Retry-After} is short; everything else is an answer.
 */
final class CveApi {
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration RETRY_5XX_AFTER = Duration.ofSeconds(1);

  private final URI base;
  private final HttpClient http;
  private final Duration timeout;
  private final Duration maxRetryAfter;
  private final Sleeper sleeper;

  CveApi(URI base, HttpClient http, Duration timeout, Duration maxRetryAfter, Sleeper sleeper) {
    String s = base.toString();
    this.base = URI.create(s.endsWith("/") ? s : s + "/");
    this.http = http;
    this.timeout = timeout;
    this.maxRetryAfter = maxRetryAfter;
    this.sleeper = sleeper;
  }

  /** The one place the record source's {@link HttpClient} is built (proxy settings go here). */
  static HttpClient httpClient() {
    return HttpClient.newBuilder()
        .connectTimeout(CONNECT_TIMEOUT)
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
  }

  /** What the API answered for one id. */
  sealed interface Answer {
    record Fresh(byte[] body, @Nullable String etag, @Nullable String lastModified)
        implements Answer {}

    record NotModified() implements Answer {}

    /** 404: no published record yet (reserved, or unknown to the API). */
    record NotFound() implements Answer {}

    record Failed(String reason) implements Answer {}
  }

  URI uri(String id) {
    return base.resolve("cve/" + id);
  }

  Answer get(String id, @Nullable String etag, @Nullable String lastModified)
      throws InterruptedException {
    URI uri = uri(id);
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json").GET();
    if (etag != null) {
      b.header("If-None-Match", etag);
    }
    if (lastModified != null) {
      b.header("If-Modified-Since", lastModified);
    }
    return attempt(b.build(), true);
  }

  private Answer attempt(HttpRequest request, boolean mayRetry) throws InterruptedException {
    HttpResponse<byte[]> response;
    String host = request.uri().getHost();
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      return new Answer.Failed(words(e, host));
    }
    int code = response.statusCode();
    if (code == 200) {
      return new Answer.Fresh(
          response.body(),
          response.headers().firstValue("ETag").orElse(null),
          response.headers().firstValue("Last-Modified").orElse(null));
    }
    if (code == 304) {
      return new Answer.NotModified();
    }
    if (code == 404) {
      return new Answer.NotFound();
    }
    if (code == 429) {
      Duration wait = retryAfter(response.headers().firstValue("Retry-After").orElse(null));
      if (mayRetry && wait != null && wait.compareTo(maxRetryAfter) <= 0) {
        sleeper.sleep(wait);
        return attempt(request, false);
      }
      return new Answer.Failed(
          host
              + " is rate limiting (429"
              + (wait == null ? "" : ", Retry-After " + wait.toSeconds() + "s")
              + ")");
    }
    if (code >= 500 && mayRetry) {
      sleeper.sleep(RETRY_5XX_AFTER);
      return attempt(request, false);
    }
    return new Answer.Failed(host + " answered " + code);
  }

  private static @Nullable Duration retryAfter(@Nullable String value) {
    if (value == null) {
      return null;
    }
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * A network failure in words: refused, not resolved, timeout, for which host. The kind is {@link
   * NetworkFailure}'s reading, which every other client's messages use.
   */
  static String words(IOException e, String host) {
    if (e instanceof HttpConnectTimeoutException) {
      return "could not connect to " + host + " within " + CONNECT_TIMEOUT.toSeconds() + "s";
    }
    return switch (NetworkFailure.kind(e)) {
      case TIMEOUT -> "no answer from " + host + " in time (timeout)";
      case NAME_NOT_RESOLVED -> host + " could not be resolved";
      case REFUSED -> "connection to " + host + " refused";
      default -> "reading from " + host + " failed (" + e + ")";
    };
  }
}
