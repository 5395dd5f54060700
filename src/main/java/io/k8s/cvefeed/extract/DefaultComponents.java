package io.k8s.cvefeed.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which components an announcement is about when its version lines name none: the rule behind
 * {@code docs/format.md}'s "default component" list. Names go through {@link Components}.
 */
final class DefaultComponents {
  private static final Pattern SENTENCE =
      Pattern.compile(
          "(?i)\\b(?:(?:issue|bug|cve|vulnerability)\\s+(?:only\\s+)?affects\\s+(?:only\\s+)?"
              + "|(?:discovered|vulnerability) in\\s+(?:the\\s+)?)`?([A-Za-z][\\w.-]*(?: server)?)");

  /** A known component or a {@code k8s.io} module path, as a word of prose. */
  private static final Pattern MENTION =
      Pattern.compile(
          "(?i)(?<![\\w/.-])(kube-apiserver|kube-controller-manager|kube-scheduler|kube-proxy"
              + "|kubelet|kubectl|kubeadm|ingress-nginx|(?:kubernetes )?api ?server"
              + "|(?:sigs\\.)?k8s\\.io/[a-z0-9][a-z0-9-]*)(?![\\w-])");

  private static final Pattern TRAILING_DOTS = Pattern.compile("\\.+$");
  private static final Pattern BULLET = Pattern.compile("^\\s*[-*+]\\s+");

  private DefaultComponents() {}

  /**
   * The components a body names for version lines that name none, in order: the first line of an
   * {@code Affected Components} section; the first component a sentence names ({@code This issue
   * affects ingress-nginx}); the known components the title's summary names ({@code API server
   * allows access ...}); the one or two known components or Kubernetes module paths the body names
   * anywhere ({@code the Kubelet}, {@code k8s.io/client-go}); else {@code kubernetes}, the release
   * as a whole.
   */
  static List<String> defaultFor(String body, String summary, List<Sections.Section> sections) {
    for (Sections.Section s : sections) {
      if (s.kind() == Sections.Kind.AFFECTED_COMPONENTS) {
        Optional<String> named = fromComponentsSection(s);
        if (named.isPresent()) {
          return List.of(named.get());
        }
      }
    }
    for (String line : Markdown.lines(body)) {
      if (!line.contains("affects") && !line.contains(" in ")) {
        continue; // cheap filter: SENTENCE needs one of these
      }
      Matcher m = SENTENCE.matcher(Markdown.unlink(Markdown.unescape(line)));
      while (m.find()) {
        String n = Components.normalise(m.group(1));
        if (Components.KNOWN.contains(n)
            || (n.contains("-") && Components.NAME.matcher(n).matches())) {
          return List.of(n);
        }
      }
    }
    List<String> inSummary = mentioned(summary);
    if (!inSummary.isEmpty()) {
      return inSummary;
    }
    List<String> inBody = mentioned(Markdown.unlink(Markdown.unescape(body)));
    return inBody.isEmpty() || inBody.size() > 2 ? List.of(Components.FALLBACK) : inBody;
  }

  /** The known components and Kubernetes module paths a text mentions, in order, once each. */
  static List<String> mentioned(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = MENTION.matcher(text);
    while (m.find()) {
      String n = Components.canonical(m.group(1));
      if (!out.contains(n)) {
        out.add(n);
      }
    }
    return out;
  }

  private static Optional<String> fromComponentsSection(Sections.Section section) {
    for (String line : section.lines()) {
      String text = BULLET.matcher(Markdown.plain(Markdown.unlink(line))).replaceFirst("").strip();
      if (text.isEmpty()) {
        continue;
      }
      Matcher m = SENTENCE.matcher(text);
      if (m.find()) {
        String n = Components.normalise(m.group(1));
        return n.equals(Components.FALLBACK) ? Optional.empty() : Optional.of(n);
      }
      Optional<List<String>> names = Components.names(TRAILING_DOTS.matcher(text).replaceAll(""));
      return names.filter(l -> l.size() == 1).map(l -> l.get(0));
    }
    return Optional.empty();
  }
}
