package io.k8s.cvefeed.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses durations as people write them: {@code 90s}, {@code 5m}, {@code 2h}, {@code 1h30m}, {@code
 * PT5M}.
 */
public final class Durations {
  private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");

  private Durations() {}

  /** As {@link #parse(String)}, naming {@code option} in the message. */
  public static Duration parse(String option, String text) throws UsageException {
    try {
      return parse(text);
    } catch (UsageException e) {
      throw new UsageException(option + " " + e.getMessage());
    }
  }

  public static Duration parse(String text) throws UsageException {
    String s = text.strip().toLowerCase(Locale.ROOT);
    if (s.startsWith("p")) {
      try {
        return Duration.parse(s.toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        throw invalid(text);
      }
    }
    Matcher m = PART.matcher(s);
    Duration total = Duration.ZERO;
    int end = 0;
    while (m.find() && m.start() == end) {
      long n = Long.parseLong(m.group(1));
      total =
          total.plus(
              switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
              });
      end = m.end();
    }
    if (end == 0 || end != s.length()) {
      throw invalid(text);
    }
    return total;
  }

  private static UsageException invalid(String text) {
    return new UsageException(
        "\"" + text + "\": not a duration; write it like 90s, 5m, 2h or 1h30m");
  }
}
