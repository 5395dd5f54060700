package io.k8s.cvefeed.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The few Markdown rewrites the readers need before matching text. */
final class Markdown {
  private static final Pattern ESCAPE = Pattern.compile("\\\\([\\\\`*_{}\\[\\]()#+\\-.!|<>~])");
  private static final Pattern LINK = Pattern.compile("\\[([^\\]\\n]*)]\\([^)\\s]*\\)");
  private static final Pattern EMPHASIS =
      Pattern.compile("\\*\\*|__|(?<!\\w)[*_](?=\\S)|(?<=\\S)[*_](?!\\w)");

  private Markdown() {}

  /** Removes backslash escapes: {@code \-} becomes {@code -}, {@code \`} becomes {@code `}. */
  static String unescape(String text) {
    return text.indexOf('\\') < 0 ? text : ESCAPE.matcher(text).replaceAll("$1");
  }

  /** Replaces {@code [text](url)} by {@code text}. */
  static String unlink(String text) {
    return text.indexOf("](") < 0
        ? text
        : LINK.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
  }

  /** Removes bold and italic markers. */
  static String plain(String text) {
    return text.indexOf('*') < 0 && text.indexOf('_') < 0
        ? text
        : EMPHASIS.matcher(text).replaceAll("");
  }

  /** The lines of a body, split at LF, a CR before the LF dropped; no regex. */
  static List<String> lines(String body) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    while (start <= body.length()) {
      int nl = body.indexOf('\n', start);
      int end = nl < 0 ? body.length() : nl;
      int cut = end > start && body.charAt(end - 1) == '\r' ? end - 1 : end;
      lines.add(body.substring(start, cut));
      if (nl < 0) {
        break;
      }
      start = nl + 1;
    }
    return lines;
  }
}
