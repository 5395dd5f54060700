package io.k8s.cvefeed.extract;

import io.k8s.cvefeed.model.Cvss;
import io.k8s.cvefeed.model.Severity;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds the CVSS vector an announcement states and scores it.
 *
 * <p>The first vector in the body is the announcement's (vectors inside a link target, after {@code
 * #}, are skipped). A score or severity written within a short window around that vector, in any
 * order ({@code **High** (8.8)}, {@code 8.8 (Medium)}, {@code (Score: 9.8, Critical)}), is the
 * stated one; when it disagrees with the computed one the computed values win and a {@code
 * cvss.mismatch} diagnostic is logged.
 */
final class CvssLineReader {
  private static final Pattern VECTOR =
      Pattern.compile("(?<![#\\w/])CVSS:\\d\\.\\d(?:/[A-Za-z]{1,3}:[A-Za-z]){1,64}");
  private static final Pattern VERSION_WORD = Pattern.compile("(?i)CVSS\\s*v?\\d\\.\\d");
  private static final Pattern SCORE = Pattern.compile("(?<![\\w.])(10\\.0|\\d\\.\\d)(?![\\w.])");
  private static final Pattern SEVERITY =
      Pattern.compile("(?i)\\b(none|low|medium|high|critical)\\b");
  private static final Pattern RATING_WITHOUT_VECTOR =
      Pattern.compile("(?im)^\\W*CVSS (rating|score)\\W*:?.*\\S");
  private static final int BEFORE = 80;
  private static final int AFTER = 40;

  private CvssLineReader() {}

  /** The stated vector, scored; empty when the body states none or it cannot be scored. */
  static Optional<Cvss> read(String body, DiagnosticLog log) {
    Matcher m = VECTOR.matcher(body).useTransparentBounds(true);
    int at = nextVector(body, m, 0);
    if (at < 0) {
      if (body.contains("CVSS") && RATING_WITHOUT_VECTOR.matcher(body).find()) {
        log.add("cvss.no-vector", "a CVSS rating is mentioned but no CVSS:3.x/4.0 vector is given");
      }
      return Optional.empty();
    }
    String first = m.group();
    reportOtherVectors(body, m, m.end(), first, log);
    CvssScorer.Result result = CvssScorer.score(first);
    if (result instanceof CvssScorer.Result.Invalid invalid) {
      log.add(
          "cvss.invalid",
          "CVSS vector \""
              + first
              + "\" cannot be scored: "
              + invalid.reason()
              + "; write the full base vector, e.g. CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
      return Optional.empty();
    }
    Cvss cvss = ((CvssScorer.Result.Scored) result).cvss();
    compareStated(window(lineAround(body, at), first), cvss, log);
    return Optional.of(cvss);
  }

  /**
   * Moves {@code m} to the next vector at or after {@code from}; returns its start or -1. Only
   * places where {@code CVSS:} occurs are tried, so a body costs one {@code indexOf} scan.
   */
  private static int nextVector(String body, Matcher m, int from) {
    for (int at = body.indexOf("CVSS:", from); at >= 0; at = body.indexOf("CVSS:", at + 5)) {
      m.region(at, body.length());
      if (m.lookingAt()) {
        return at;
      }
    }
    return -1;
  }

  private static String lineAround(String body, int at) {
    int start = body.lastIndexOf('\n', at) + 1;
    int end = body.indexOf('\n', at);
    return body.substring(start, end < 0 ? body.length() : end);
  }

  /** The text near the vector on its line, without vectors and "CVSS v3.1" words. */
  private static String window(String rawLine, String vector) {
    String line = Markdown.unlink(Markdown.unescape(rawLine));
    int start = Math.max(0, line.indexOf(vector));
    int end = start + vector.length();
    String before = line.substring(Math.max(0, start - BEFORE), start);
    String after =
        line.substring(Math.min(end, line.length()), Math.min(line.length(), end + AFTER));
    String near = before + " " + after;
    return VERSION_WORD.matcher(VECTOR.matcher(near).replaceAll(" ")).replaceAll(" ");
  }

  private static void compareStated(String near, Cvss computed, DiagnosticLog log) {
    Matcher score = SCORE.matcher(near);
    Matcher severity = SEVERITY.matcher(near);
    @Nullable Double statedScore = score.find() ? Double.valueOf(score.group(1)) : null;
    @Nullable Severity statedSeverity =
        severity.find() ? Severity.valueOf(severity.group(1).toUpperCase(Locale.ROOT)) : null;
    boolean scoreDiffers = statedScore != null && Math.abs(statedScore - computed.score()) > 0.05;
    boolean severityDiffers = statedSeverity != null && statedSeverity != computed.severity();
    if (scoreDiffers || severityDiffers) {
      log.add(
          "cvss.mismatch",
          "stated "
              + (statedScore == null ? "" : statedScore + " ")
              + (statedSeverity == null ? "" : "(" + statedSeverity.displayName() + ")")
              + " but "
              + computed.vector()
              + " gives "
              + computed.score()
              + " ("
              + computed.severity().displayName()
              + "); keeping the computed values");
    }
  }

  private static void reportOtherVectors(
      String body, Matcher m, int from, String first, DiagnosticLog log) {
    Set<String> others = new LinkedHashSet<>();
    for (int at = nextVector(body, m, from); at >= 0; at = nextVector(body, m, m.end())) {
      String v = m.group().toUpperCase(Locale.ROOT);
      if (!v.equals(first.toUpperCase(Locale.ROOT))) {
        others.add(v);
      }
    }
    if (!others.isEmpty()) {
      log.add(
          "cvss.several-vectors",
          "the body states other CVSS vectors " + others + "; using the first, " + first);
    }
  }
}
