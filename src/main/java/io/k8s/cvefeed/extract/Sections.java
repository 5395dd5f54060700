package io.k8s.cvefeed.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Splits an announcement body into sections by heading. A heading is a Markdown heading ({@code
 * #### Affected Versions}), a line that is bold only ({@code **Fixed versions:**}), a plain line
 * that is a known section name ({@code Affected Component}), or a sentence announcing a version
 * list ({@code CVE-... is **fixed** in the following Kubernetes releases:}, {@code In the following
 * versions, ... :}).
 */
final class Sections {
  /** What a section holds, judged from its heading. */
  enum Kind {
    AFFECTED_VERSIONS,
    FIXED_VERSIONS,
    AFFECTED_COMPONENTS,
    OTHER
  }

  /** One section: its heading text and the lines under it, up to the next heading. */
  record Section(Kind kind, String heading, @Nullable String component, List<String> lines) {
    Section {
      lines = List.copyOf(lines);
    }
  }

  private static final Pattern ATX = Pattern.compile("^\\s{0,3}#{1,6}\\s*(.*?)\\s*#*\\s*$");
  private static final Pattern BOLD_ONLY =
      Pattern.compile("^\\s*(?:\\*\\*|__)([^*_]+?)(?:\\*\\*|__)\\s*:?\\s*$");
  private static final Pattern PLAIN_NAME =
      Pattern.compile(
          "(?i)^\\s*(?:(?:affected|fixed|vulnerable) (?:components?|versions?)"
              + "(?: and configurations)?|acknowledge?ments|mitigations?|detection"
              + "|additional details|am i vulnerable\\?|how do i (?:mitigate|remediate)"
              + " this vulnerability\\?)\\s*:?\\s*$");
  private static final Pattern AFFECTED_LIST_SENTENCE =
      Pattern.compile("(?i)^\\s*in the following versions\\b.*:\\s*$");
  private static final Pattern FIX_LIST_SENTENCE =
      Pattern.compile("(?i)\\b(?:fixed\\W{0,4} in the following|versions contain the fix)\\b");

  private static final Pattern HEADING_MARKS = Pattern.compile("[:*_]");
  private static final Pattern AFFECTED_HEADING =
      Pattern.compile("(?:affected|vulnerable) versions?\\b");
  private static final Pattern FIXED_HEADING = Pattern.compile("fixed versions?\\b");
  private static final Pattern COMPONENTS_HEADING = Pattern.compile("affected components?\\b");
  private static final int PLAIN_NAME_MAX = 60;

  /** The letters a {@link #PLAIN_NAME} can start with, to skip the regex for most lines. */
  private static final String PLAIN_NAME_FIRST = "afvmdh";

  private Sections() {}

  static List<Section> parse(String body) {
    List<Section> sections = new ArrayList<>();
    Kind kind = Kind.OTHER;
    String heading = "";
    String component = null;
    List<String> lines = new ArrayList<>();
    for (String raw : Markdown.lines(body)) {
      String line = Markdown.unescape(raw);
      String h = headingOf(line);
      if (h == null) {
        lines.add(line);
        continue;
      }
      sections.add(new Section(kind, heading, component, lines));
      lines = new ArrayList<>();
      Kind next = kindOf(h);
      Optional<String> named = Components.componentOnly(Markdown.plain(h));
      if (next == Kind.OTHER
          && named.isPresent()
          && (kind == Kind.AFFECTED_VERSIONS || kind == Kind.FIXED_VERSIONS)) {
        // A component heading inside a version section: same section, new component.
        component = named.get();
        continue;
      }
      kind = next;
      heading = h;
      component = null;
    }
    sections.add(new Section(kind, heading, component, lines));
    return sections;
  }

  /** The heading text, or null. Cheap tests first: most lines are prose and fail them all. */
  private static @Nullable String headingOf(String line) {
    String t = line.strip();
    if (t.isEmpty()) {
      return null;
    }
    char c = t.charAt(0);
    if (c == '#') {
      Matcher m = ATX.matcher(line);
      return m.matches() ? m.group(1) : null;
    }
    if ((c == '*' || c == '_') && (t.endsWith("**") || t.endsWith("__") || t.endsWith(":"))) {
      Matcher m = BOLD_ONLY.matcher(line);
      if (m.matches()) {
        return m.group(1);
      }
    }
    if (t.length() <= PLAIN_NAME_MAX
        && PLAIN_NAME_FIRST.indexOf(Character.toLowerCase(c)) >= 0
        && PLAIN_NAME.matcher(line).matches()) {
      return t;
    }
    boolean listIntro = t.contains("following") || t.contains("contain the fix");
    if (listIntro
        && (FIX_LIST_SENTENCE.matcher(line).find()
            || AFFECTED_LIST_SENTENCE.matcher(line).matches())) {
      return t;
    }
    return null;
  }

  static Kind kindOf(String heading) {
    String h =
        HEADING_MARKS.matcher(Markdown.plain(heading).toLowerCase(Locale.ROOT)).replaceAll("");
    h = h.strip();
    if (AFFECTED_HEADING.matcher(h).lookingAt() || h.startsWith("what versions are affected")) {
      return Kind.AFFECTED_VERSIONS;
    }
    if (FIXED_HEADING.matcher(h).lookingAt() || FIX_LIST_SENTENCE.matcher(h).find()) {
      return Kind.FIXED_VERSIONS;
    }
    if (h.startsWith("in the following versions")) {
      return Kind.AFFECTED_VERSIONS;
    }
    if (COMPONENTS_HEADING.matcher(h).lookingAt()) {
      return Kind.AFFECTED_COMPONENTS;
    }
    return Kind.OTHER;
  }
}
