package io.k8s.cvefeed.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RateLimitTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final byte[] NO_BODY = new byte[0];

  private static HttpHeaders headers(String... pairs) {
    Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], List.of(pairs[i + 1]));
    }
    return HttpHeaders.of(map, (a, b) -> true);
  }

  @Test
  void shouldWaitUntilResetPlusMarginWhenPrimaryLimitIsExhausted() {
    String reset = Long.toString(NOW.plusSeconds(90).getEpochSecond());
    RateLimit limit =
        RateLimit.of(
            403, headers("X-RateLimit-Remaining", "0", "X-RateLimit-Reset", reset), NO_BODY, NOW);

    assertThat(limit).isNotNull();
    assertThat(limit.delay()).isEqualTo(Duration.ofSeconds(91));
    assertThat(limit.resetsAt()).isEqualTo(Instant.parse("2026-03-01T12:01:31Z"));
  }

  @Test
  void shouldWaitRetryAfterSeconds() {
    RateLimit limit = RateLimit.of(429, headers("Retry-After", "30"), NO_BODY, NOW);

    assertThat(limit).isNotNull();
    assertThat(limit.delay()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void shouldWaitRetryAfterHttpDate() {
    RateLimit limit =
        RateLimit.of(503, headers("Retry-After", "Sun, 01 Mar 2026 12:02:00 GMT"), NO_BODY, NOW);

    assertThat(limit).isNotNull();
    assertThat(limit.delay()).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void shouldWaitAMinuteForSecondaryLimitWithoutTimes() {
    byte[] body =
        "{\"message\":\"You have exceeded a secondary rate limit.\"}"
            .getBytes(StandardCharsets.UTF_8);
    RateLimit limit = RateLimit.of(403, headers(), body, NOW);

    assertThat(limit).isNotNull();
    assertThat(limit.delay()).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void shouldWaitAtLeastOneSecondWhenResetHasPassed() {
    String reset = Long.toString(NOW.minusSeconds(60).getEpochSecond());
    RateLimit limit =
        RateLimit.of(
            403, headers("X-RateLimit-Remaining", "0", "X-RateLimit-Reset", reset), NO_BODY, NOW);

    assertThat(limit).isNotNull();
    assertThat(limit.delay()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void shouldNotTreatPlainForbiddenOrServerErrorAsRateLimit() {
    assertThat(RateLimit.of(403, headers("X-RateLimit-Remaining", "17"), NO_BODY, NOW)).isNull();
    assertThat(RateLimit.of(502, headers(), NO_BODY, NOW)).isNull();
    assertThat(RateLimit.of(200, headers("Retry-After", "5"), NO_BODY, NOW)).isNull();
  }

  @Test
  void shouldSayWhenLimitResetsAndSuggestTokenOnlyWithoutOne() {
    RateLimit limit = new RateLimit(403, Duration.ofMinutes(54), NOW.plusSeconds(54 * 60));

    String anonymous = limit.failure("https://x/issues", Duration.ofMinutes(5), false);
    String withToken = limit.failure("https://x/issues", Duration.ofMinutes(5), true);

    assertThat(anonymous)
        .isEqualTo(
            "https://x/issues: GitHub rate limit exceeded (HTTP 403); it resets at"
                + " 2026-03-01T12:54:00Z, in 54m, longer than the maximum wait of 5m; set"
                + " GITHUB_TOKEN to raise the limit (60 requests an hour without a token)");
    assertThat(withToken).contains("2026-03-01T12:54:00Z").doesNotContain("set GITHUB_TOKEN");
  }

  @Test
  void shouldWriteDurationsShortly() {
    assertThat(RateLimit.human(Duration.ofSeconds(3723))).isEqualTo("1h 2m 3s");
    assertThat(RateLimit.human(Duration.ofMinutes(5))).isEqualTo("5m");
    assertThat(RateLimit.human(Duration.ZERO)).isEqualTo("0s");
  }
}
