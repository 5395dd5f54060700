package io.k8s.cvefeed.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Component names: how a version line's words become a package name, and which component a body
 * names when its version lines name none.
 *
 * <p>Naming rule: lower case, words joined by {@code -}; the words {@code Kubernetes} (leading),
 * {@code all}, {@code fixed in}, {@code versions}, {@code release} are dropped; known aliases map
 * to the binary name ({@code Kubernetes API server} → {@code kube-apiserver}, {@code ingress-nginx
 * controller} → {@code ingress-nginx}). A bare {@code Kubernetes} names no component. When a line
 * names none, the default is, in order: the first line of an {@code Affected Components} section;
 * the first component a sentence names ({@code This issue affects ingress-nginx}, {@code discovered
 * in kube-apiserver}); else {@code kubernetes}.
 */
final class Components {
  static final String FALLBACK = "kubernetes";

  private static final Map<String, String> ALIASES =
      Map.ofEntries(
          Map.entry("api server", "kube-apiserver"),
          Map.entry("apiserver", "kube-apiserver"),
          Map.entry("api-server", "kube-apiserver"),
          Map.entry("kubernetes api server", "kube-apiserver"),
          Map.entry("controller manager", "kube-controller-manager"),
          Map.entry("ingress-nginx controller", "ingress-nginx"),
          Map.entry("ingress nginx", "ingress-nginx"),
          Map.entry("ingress-nginx-controller", "ingress-nginx"));
  private static final List<String> KNOWN =
      List.of(
          "kubelet",
          "kubectl",
          "kube-apiserver",
          "kube-proxy",
          "kube-controller-manager",
          "kube-scheduler",
          "kubeadm",
          "ingress-nginx",
          "api server",
          "apiserver");
  private static final Pattern DROP_LEADING =
      Pattern.compile("^(?:(?:fixed|resolved) in|all|the|kubernetes(?= \\S))(?:\\s+|$)");
  private static final Pattern DROP_TRAILING =
      Pattern.compile("\\s+(?:versions?|releases?|packages?|binar(?:y|ies))$");
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9.]*(?:-[a-z0-9.]+)*");
  private static final Pattern SENTENCE =
      Pattern.compile(
          "(?i)\\b(?:(?:issue|bug|cve|vulnerability)\\s+(?:only\\s+)?affects\\s+(?:only\\s+)?"
              + "|(?:discovered|vulnerability) in\\s+(?:the\\s+)?)`?([A-Za-z][\\w.-]*(?: server)?)");

  private static final String PUNCTUATION = "`'\"*_:,()";

  /** What {@code \s} matches in a regex: ASCII blanks only. */
  private static final String BLANKS = " \t\n\u000b\f\r";

  private static final Pattern TRAILING_DOTS = Pattern.compile("\\.+$");
  private static final Pattern BULLET = Pattern.compile("^\\s*[-*+]\\s+");

  private Components() {}

  /**
   * The component names in a version line's leading words; empty when the words name none ({@code
   * Kubernetes}, or nothing); {@link Optional#empty()} when the words are not a name.
   */
  static Optional<List<String>> names(String words) {
    List<String> names = new ArrayList<>();
    for (String part : words.split("/", -1)) {
      String n = normalise(part);
      if (n.isEmpty() || n.equals(FALLBACK)) {
        continue;
      }
      if (!NAME.matcher(n).matches()
          || n.length() > 48
          || n.split("-", -1).length > 5
          || spaces(normaliseWords(part)) > 1) {
        return Optional.empty();
      }
      names.add(n);
    }
    return Optional.of(names);
  }

  /**
   * The component a line or heading names on its own ({@code kube-apiserver}, {@code - kubelet}): a
   * known component or a hyphenated name, nothing else.
   */
  static Optional<String> componentOnly(String text) {
    String w = normaliseWords(text);
    boolean named =
        KNOWN.contains(w) || (!w.contains(" ") && w.contains("-") && NAME.matcher(w).matches());
    return named ? Optional.of(w.replace(' ', '-')) : Optional.empty();
  }

  private static long spaces(String s) {
    return s.chars().filter(c -> c == ' ').count();
  }

  static String normalise(String raw) {
    return normaliseWords(raw).replace(' ', '-');
  }

  /** {@link #normalise} before the words are joined by {@code -}. */
  private static String normaliseWords(String raw) {
    String s = withoutTrailingDots(collapse(raw.toLowerCase(Locale.ROOT)).strip());
    String before;
    do {
      before = s;
      s = DROP_TRAILING.matcher(DROP_LEADING.matcher(s).replaceFirst("")).replaceFirst("").strip();
    } while (!s.equals(before));
    return ALIASES.getOrDefault(s, s);
  }

  /**
   * Punctuation ({@code `'"*_:,()}) becomes a blank and every run of ASCII blanks one space: one
   * pass over the text instead of two regex replacements, as every version line comes through here.
   */
  private static String collapse(String s) {
    StringBuilder b = new StringBuilder(s.length());
    boolean blank = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean isBlank = PUNCTUATION.indexOf(c) >= 0 || BLANKS.indexOf(c) >= 0;
      if (isBlank) {
        if (!blank) {
          b.append(' ');
        }
      } else {
        b.append(c);
      }
      blank = isBlank;
    }
    return b.toString();
  }

  private static String withoutTrailingDots(String s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == '.') {
      end--;
    }
    return s.substring(0, end);
  }

  /** The component a body names for version lines that name none. */
  static String defaultFor(String body, List<Sections.Section> sections) {
    for (Sections.Section s : sections) {
      if (s.kind() == Sections.Kind.AFFECTED_COMPONENTS) {
        Optional<String> named = fromComponentsSection(s);
        if (named.isPresent()) {
          return named.get();
        }
      }
    }
    for (String line : Markdown.lines(body)) {
      if (!line.contains("affects") && !line.contains(" in ")) {
        continue; // cheap filter: SENTENCE needs one of these
      }
      Matcher m = SENTENCE.matcher(Markdown.unlink(Markdown.unescape(line)));
      while (m.find()) {
        String n = normalise(m.group(1));
        if (KNOWN.contains(n) || (n.contains("-") && NAME.matcher(n).matches())) {
          return n;
        }
      }
    }
    return FALLBACK;
  }

  private static Optional<String> fromComponentsSection(Sections.Section section) {
    for (String line : section.lines()) {
      String text = BULLET.matcher(Markdown.plain(Markdown.unlink(line))).replaceFirst("").strip();
      if (text.isEmpty()) {
        continue;
      }
      Matcher m = SENTENCE.matcher(text);
      if (m.find()) {
        String n = normalise(m.group(1));
        return n.equals(FALLBACK) ? Optional.empty() : Optional.of(n);
      }
      Optional<List<String>> names = names(TRAILING_DOTS.matcher(text).replaceAll(""));
      return names.filter(l -> l.size() == 1).map(l -> l.get(0));
    }
    return Optional.empty();
  }
}
