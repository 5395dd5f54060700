package io.k8s.cvefeed.extract;

import io.k8s.cvefeed.model.Cvss;
import io.k8s.cvefeed.model.Severity;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import us.springett.cvss.CvssV3;
import us.springett.cvss.CvssV3_1;
import us.springett.cvss.CvssV4;
import us.springett.cvss.MalformedVectorException;

/**
 * Computes the base score of a CVSS v3.0, v3.1 or v4.0 vector with {@code
 * us.springett:cvss-calculator}. Metric names and values are upper-cased first, so {@code
 * CVSS:3.1/av:N/...} reads as {@code CVSS:3.1/AV:N/...}.
 */
final class CvssScorer {
  private static final Pattern METRIC = Pattern.compile("[A-Z]{1,3}:[A-Z]");

  /** The outcome: a {@link Cvss} or the reason the vector cannot be scored. */
  sealed interface Result {
    record Scored(Cvss cvss) implements Result {}

    record Invalid(String reason) implements Result {}
  }

  private CvssScorer() {}

  static Result score(String vectorText) {
    String vector = vectorText.strip().toUpperCase(Locale.ROOT);
    String[] parts = vector.split("/", -1);
    String version = parts[0].startsWith("CVSS:") ? parts[0].substring(5) : "";
    if (!Set.of("3.0", "3.1", "4.0").contains(version)) {
      return new Result.Invalid(
          "not a CVSS v3.0, v3.1 or v4.0 vector (prefix \"" + parts[0] + "\")");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 1; i < parts.length; i++) {
      if (!METRIC.matcher(parts[i]).matches()) {
        return new Result.Invalid("\"" + parts[i] + "\" is not a METRIC:VALUE pair");
      }
      if (!seen.add(parts[i].substring(0, parts[i].indexOf(':')))) {
        return new Result.Invalid("metric " + parts[i] + " is given twice");
      }
    }
    try {
      us.springett.cvss.Cvss parsed = us.springett.cvss.Cvss.fromVector(vector);
      if (parsed == null || !expectedType(version, parsed)) {
        return new Result.Invalid("the calculator does not read it as CVSS " + version);
      }
      double score = parsed.calculateScore().getBaseScore();
      return new Result.Scored(new Cvss(version, vector, score, Severity.ofScore(score)));
    } catch (MalformedVectorException e) {
      return new Result.Invalid(String.valueOf(e.getMessage()));
    } catch (RuntimeException e) {
      // Issue text is untrusted: whatever the third-party parser trips on is a diagnostic.
      return new Result.Invalid("the calculator rejects it (" + e + ")");
    }
  }

  private static boolean expectedType(String version, us.springett.cvss.Cvss parsed) {
    return switch (version) {
      case "3.0" -> parsed.getClass() == CvssV3.class;
      case "3.1" -> parsed instanceof CvssV3_1;
      default -> parsed instanceof CvssV4;
    };
  }
}
