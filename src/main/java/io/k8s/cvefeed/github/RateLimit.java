package io.k8s.cvefeed.github;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * GitHub said "slow down": a 429, a 403 with {@code X-RateLimit-Remaining: 0} or a secondary-limit
 * message, or any error carrying {@code Retry-After}.
 *
 * @param status the HTTP status
 * @param delay how long to wait before asking again (at least one second)
 * @param resetsAt when the limit resets
 */
record RateLimit(int status, Duration delay, Instant resetsAt) {
  /** GitHub's advice when it gives no time: wait a minute. */
  static final Duration DEFAULT_WAIT = Duration.ofMinutes(1);

  /** Added to {@code X-RateLimit-Reset}, whose clock may run a little ahead of ours. */
  static final Duration MARGIN = Duration.ofSeconds(1);

  /** The rate limit {@code status}/{@code headers} announce, or {@code null} for another error. */
  static @Nullable RateLimit of(int status, HttpHeaders headers, byte[] body, Instant now) {
    if (status < 400) {
      return null;
    }
    @Nullable Duration retryAfter = retryAfter(headers.firstValue("Retry-After").orElse(null), now);
    @Nullable Long remaining = number(headers.firstValue("X-RateLimit-Remaining").orElse(null));
    @Nullable Long reset = number(headers.firstValue("X-RateLimit-Reset").orElse(null));
    boolean exhausted = remaining != null && remaining == 0;
    boolean limited =
        status == 429
            || retryAfter != null
            || (status == 403 && (exhausted || mentionsRateLimit(body)));
    if (!limited) {
      return null;
    }
    Duration wait;
    if (retryAfter != null) {
      wait = retryAfter;
    } else if (exhausted && reset != null) {
      wait = Duration.between(now, Instant.ofEpochSecond(reset)).plus(MARGIN);
    } else {
      wait = DEFAULT_WAIT;
    }
    if (wait.compareTo(Duration.ofSeconds(1)) < 0) {
      wait = Duration.ofSeconds(1);
    }
    return new RateLimit(status, wait, now.plus(wait).truncatedTo(ChronoUnit.SECONDS));
  }

  /** Why the fetch gives up instead of waiting; never names the token. */
  String failure(String uri, Duration maxWait, boolean hasToken) {
    return failure(uri, maxWait, maxWait, hasToken);
  }

  /**
   * Why the fetch gives up, when earlier waits of the same listing have used part of {@code
   * maxWait} and only {@code left} remains.
   */
  String failure(String uri, Duration maxWait, Duration left, boolean hasToken) {
    String hint =
        hasToken
            ? "try again after then, or raise --max-wait"
            : "set GITHUB_TOKEN to raise the limit (60 requests an hour without a token)";
    return String.format(
        Locale.ROOT,
        "%s: GitHub rate limit exceeded (HTTP %d); it resets at %s, in %s, longer than %s; %s",
        uri,
        status,
        DateTimeFormatter.ISO_INSTANT.format(resetsAt),
        human(delay),
        left.compareTo(maxWait) < 0
            ? "the "
                + human(left)
                + " left of the maximum wait of "
                + human(maxWait)
                + " (this listing already waited for a rate limit)"
            : "the maximum wait of " + human(maxWait),
        hint);
  }

  /** {@code 1h 2m 3s}, leaving out zero parts. */
  static String human(Duration duration) {
    long seconds = Math.max(0, duration.toSeconds());
    StringBuilder out = new StringBuilder();
    if (seconds >= 3600) {
      out.append(seconds / 3600).append("h ");
    }
    if (seconds % 3600 >= 60) {
      out.append(seconds % 3600 / 60).append("m ");
    }
    if (seconds % 60 != 0 || out.length() == 0) {
      out.append(seconds % 60).append("s ");
    }
    return out.toString().trim();
  }

  private static @Nullable Duration retryAfter(@Nullable String value, Instant now) {
    if (value == null) {
      return null;
    }
    Long seconds = number(value);
    if (seconds != null) {
      return Duration.ofSeconds(seconds);
    }
    try {
      Instant at =
          ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return Duration.between(now, at);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static @Nullable Long number(@Nullable String value) {
    if (value == null) {
      return null;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static boolean mentionsRateLimit(byte[] body) {
    int length = Math.min(body.length, 4096);
    return new String(body, 0, length, StandardCharsets.UTF_8)
        .toLowerCase(Locale.ROOT)
        .contains("rate limit");
  }
}
