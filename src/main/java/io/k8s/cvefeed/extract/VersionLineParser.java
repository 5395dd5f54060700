package io.k8s.cvefeed.extract;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads one version line. Shapes: {@code [component] A - B} (also {@code A-B}, {@code A to B}),
 * {@code [component] <= B}, {@code < B}, {@code prior to B}, {@code >= A}, {@code A+}, a single
 * {@code A}, {@code all [component] versions}; {@code A.B.x} or {@code A.B} as an upper bound means
 * the whole minor line. {@code (fixed in X)} / {@code resolved in X} after the span gives that
 * span's fixed version.
 */
final class VersionLineParser {
  private static final String V = SemVer.TOKEN;
  private static final Pattern LINE =
      Pattern.compile(
          "(?i)^(?<comp>.*?)\\s*(?<op><=|>=|=<|<|>|prior to|before|earlier than|up to)?\\s*"
              + "(?<lo>"
              + V
              + ")(?<plus>\\+)?(?:\\s*(?<sep>-|\u2013|\u2014|to|through|<=|<)\\s*(?<hi>"
              + V
              + ")(?<plus2>\\+)?)?(?<rest>(?![\\w.]).*)$");
  private static final Pattern ANY_VERSION = Pattern.compile("(?<![\\w.])" + V + "(?![\\w])");
  private static final Pattern INLINE_FIX =
      Pattern.compile("(?i)\\b(?:fixed|resolved) in\\s+(" + V + ")");
  private static final Pattern ALL =
      Pattern.compile("(?i)^all\\s+(?:(?<a>.+?)\\s+)?versions?(?:\\s+of\\s+(?<b>.+?))?\\W*$");
  private static final Pattern BULLET = Pattern.compile("^\\s*(?:[-*+]|\\d+[.)])\\s+");
  private static final Pattern BRANCH = Pattern.compile("(?i)\\b(?:master|main)(?:@\\w+|/)?");

  private static final Pattern NOT_VERSIONS = Pattern.compile("(?i)(?:note|none|n/a)\\b");
  private static final Pattern BRANCH_PREFIX =
      Pattern.compile("(?i)\\b(?:master|main)/(?=[vV]?\\d)");
  private static final int PROSE_WORDS = 12;

  private VersionLineParser() {}

  static VersionLine affected(String raw) {
    String line = clean(raw);
    boolean bullet = BULLET.matcher(raw).find();
    if (notAVersionLine(line, bullet)) {
      return new VersionLine.Ignored();
    }
    Matcher all = ALL.matcher(line);
    if (all.matches()) {
      return allVersions(raw, all);
    }
    Matcher m = matchLine(line);
    if (m == null) {
      return noSpan(raw, line, bullet, "an affected version or range such as v1.27.0 - v1.27.2");
    }
    Optional<List<String>> components = Components.names(m.group("comp"));
    if (components.isEmpty()) {
      return new VersionLine.Unreadable(raw, "a component name before the version");
    }
    return span(raw, m, components.get());
  }

  /** {@code All versions of Kubernetes}, {@code all kubelet versions}: introduced 0, no end. */
  private static VersionLine allVersions(String raw, Matcher all) {
    String words = all.group("a") != null ? all.group("a") : nullToEmpty(all.group("b"));
    return Components.names(words)
        .<VersionLine>map(c -> new VersionLine.Affected(c, null, null, false, false, null))
        .orElse(new VersionLine.Unreadable(raw, "a component name in \"all ... versions\""));
  }

  /** The span a matched affected line gives: a range, a comparison or a single version. */
  private static VersionLine span(String raw, Matcher m, List<String> components) {
    SemVer lo = SemVer.parse(m.group("lo")).orElseThrow();
    String op = m.group("op") == null ? "" : m.group("op").toLowerCase(Locale.ROOT);
    @Nullable SemVer fixed = inlineFix(m.group("rest"));
    String hiText = m.group("hi");
    if (hiText != null) {
      if (!op.isEmpty()) {
        return new VersionLine.Unreadable(raw, "either a comparison or a range, not both");
      }
      SemVer hi = SemVer.parse(hiText).orElseThrow();
      return m.group("sep").equals("<")
          ? new VersionLine.Affected(components, lo.exact(), hi.exact(), true, false, fixed)
          : span(components, lo.exact(), hi, false, fixed);
    }
    return switch (op) {
      case "" ->
          m.group("plus") != null
              ? new VersionLine.Affected(components, lo.exact(), null, false, false, fixed)
              : span(components, lo.exact(), lo, false, fixed);
      case "<=", "=<", "up to" -> span(components, null, lo, true, fixed);
      case "<", "prior to", "before", "earlier than" ->
          new VersionLine.Affected(components, null, lo.exact(), true, true, fixed);
      case ">=" -> new VersionLine.Affected(components, lo.exact(), null, false, false, fixed);
      default -> new VersionLine.Unreadable(raw, "<, <=, >= or a range; \"" + op + "\" is unclear");
    };
  }

  static VersionLine fixed(String raw) {
    String line = clean(raw);
    boolean bullet = BULLET.matcher(raw).find();
    if (notAVersionLine(line, bullet)) {
      return new VersionLine.Ignored();
    }
    Matcher m = matchLine(line);
    if (m == null) {
      return noSpan(raw, line, bullet, "a fixed version such as kube-apiserver v1.27.3");
    }
    if (BRANCH.matcher(m.group("comp")).find()) {
      return new VersionLine.Ignored();
    }
    Optional<List<String>> components = Components.names(m.group("comp"));
    if (components.isEmpty()) {
      return new VersionLine.Unreadable(raw, "a component name before the fixed version");
    }
    String op = m.group("op") == null ? "" : m.group("op");
    if (m.group("hi") != null || !(op.isEmpty() || op.equals(">="))) {
      return new VersionLine.Unreadable(raw, "one fixed version, not a range or upper bound");
    }
    return new VersionLine.Fixed(
        components.get(), SemVer.parse(m.group("lo")).orElseThrow().exact());
  }

  /** A span A..B where B is inclusive unless it names a whole minor line. */
  private static VersionLine span(
      List<String> components,
      @Nullable SemVer lo,
      SemVer hi,
      boolean upperOnly,
      @Nullable SemVer fixed) {
    return hi.wholeMinor()
        ? new VersionLine.Affected(components, lo, hi.nextMinor(), true, upperOnly, fixed)
        : new VersionLine.Affected(components, lo, hi, false, upperOnly, fixed);
  }

  /**
   * The {@link #LINE} match of a cleaned line, or {@code null}. Most lines in a version section are
   * prose without "digit.digit"; they skip the regex.
   */
  private static @Nullable Matcher matchLine(String line) {
    if (!SemVer.mayOccurIn(line)) {
      return null;
    }
    Matcher m = LINE.matcher(line);
    return m.matches() ? m : null;
  }

  /** A line with no version span: a component heading, a line to skip, or an unreadable one. */
  private static VersionLine noSpan(String raw, String line, boolean bullet, String expected) {
    Optional<String> component = Components.componentOnly(line);
    if (component.isPresent()) {
      return new VersionLine.ComponentOnly(component.get());
    }
    return noVersion(raw, line, bullet, expected);
  }

  private static VersionLine noVersion(String raw, String line, boolean bullet, String expected) {
    boolean anyVersion = SemVer.mayOccurIn(line) && ANY_VERSION.matcher(line).find();
    if (BRANCH.matcher(line).find() || (!bullet && !anyVersion)) {
      return new VersionLine.Ignored();
    }
    return new VersionLine.Unreadable(raw, expected);
  }

  /**
   * Lines that are not version lines: blank, notes ({@code Note: ...}), "None", and sentences (a
   * line that is not a list item and runs over {@value #PROSE_WORDS} words).
   */
  private static boolean notAVersionLine(String line, boolean bullet) {
    return line.isEmpty()
        || NOT_VERSIONS.matcher(line).lookingAt()
        || (!bullet && words(line) > PROSE_WORDS);
  }

  private static @Nullable SemVer inlineFix(String rest) {
    Matcher m = INLINE_FIX.matcher(rest);
    return m.find() ? SemVer.parse(m.group(1)).orElseThrow().exact() : null;
  }

  /** Markdown and list syntax removed; {@code master/v1.31.0} read as {@code v1.31.0}. */
  static String clean(String raw) {
    String s = Markdown.plain(Markdown.unlink(Markdown.unescape(raw)));
    s = BULLET.matcher(s).replaceFirst("");
    s = s.replace("`", "");
    if (s.indexOf('/') >= 0) {
      s = BRANCH_PREFIX.matcher(s).replaceAll("");
    }
    return s.replace('\u00a0', ' ').strip();
  }

  private static int words(String line) {
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i < line.length(); i++) {
      boolean blank = Character.isWhitespace(line.charAt(i));
      words += !blank && !inWord ? 1 : 0;
      inWord = !blank;
    }
    return words;
  }

  private static String nullToEmpty(@Nullable String s) {
    return s == null ? "" : s;
  }
}
