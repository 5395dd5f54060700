package io.k8s.cvefeed.extract;

import io.k8s.cvefeed.model.AffectedRange;
import io.k8s.cvefeed.model.Cvss;
import io.k8s.cvefeed.model.DetailSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Path 2: the announcement layout. Reads the CVSS line and the {@code Affected Versions} / {@code
 * Fixed Versions} sections; every version line that cannot be read becomes a {@code
 * versions.unreadable} diagnostic.
 */
final class AnnouncementReader {

  private static final int QUOTE_MAX = 200;
  private static final Pattern VERSION = Pattern.compile(SemVer.TOKEN);
  private static final Pattern UPGRADE =
      Pattern.compile(
          "(?i)\\bupgrade\\s+((?:[\\w.-]+\\s+){0,2}?)to\\s+((?:"
              + SemVer.TOKEN
              + ")(?:(?:\\s*,\\s*|\\s*,?\\s+(?:or|and)\\s+)(?:"
              + SemVer.TOKEN
              + "))*)");

  private static final Pattern ALL_AFFECTED =
      Pattern.compile(
          "(?i)^\\W*all\\s+(?:(?<a>[\\w .-]+?)\\s+)?versions?"
              + "(?:\\s+of\\s+(?<b>[\\w .-]+?))?\\s+are\\s+(?:affected|vulnerable)\\b");

  private AnnouncementReader() {}

  /** {@link #read(String, String, DiagnosticLog)} without a summary. */
  static Details read(String body, DiagnosticLog log) {
    return read(body, "", log);
  }

  /**
   * The details, or title-only when the body has neither a CVSS vector nor version sections. The
   * summary (the title without its ids) may name the component when the body's lines do not.
   */
  static Details read(String body, String summary, DiagnosticLog log) {
    Optional<Cvss> cvss = CvssLineReader.read(body, log);
    List<Sections.Section> sections = Sections.parse(body);
    List<VersionLine.Affected> affected = new ArrayList<>();
    List<VersionLine.Fixed> fixed = new ArrayList<>();
    boolean hasAffected = false;
    boolean hasFixed = false;
    for (Sections.Section s : sections) {
      hasAffected |= s.kind() == Sections.Kind.AFFECTED_VERSIONS;
      hasFixed |= s.kind() == Sections.Kind.FIXED_VERSIONS;
      readSection(s, affected, fixed, log);
      if (s.kind() == Sections.Kind.AFFECTED_COMPONENTS) {
        allVersionsSentence(s).ifPresent(affected::add);
      }
    }
    fixed.addAll(upgradeAdvice(body));
    boolean needsDefault = affected.stream().anyMatch(a -> a.components().isEmpty());
    List<String> components =
        needsDefault
            ? DefaultComponents.defaultFor(body, summary, sections)
            : List.of(Components.FALLBACK);
    List<AffectedRange> ranges = RangeBuilder.build(affected, fixed, components, log);
    if (hasAffected && ranges.isEmpty()) {
      log.add(
          "versions.none",
          "the Affected Versions section gives no version range; "
              + "list versions such as \"kube-apiserver v1.27.0 - v1.27.2\"");
    }
    if (cvss.isEmpty() && !hasAffected && !hasFixed) {
      return Details.titleOnly();
    }
    return new Details(cvss.orElse(null), ranges, DetailSource.ANNOUNCEMENT);
  }

  private static void readSection(
      Sections.Section s,
      List<VersionLine.Affected> affected,
      List<VersionLine.Fixed> fixed,
      DiagnosticLog log) {
    if (s.kind() != Sections.Kind.AFFECTED_VERSIONS && s.kind() != Sections.Kind.FIXED_VERSIONS) {
      return;
    }
    List<String> context = s.component() == null ? List.of() : List.of(s.component());
    for (String line : s.lines()) {
      VersionLine read =
          s.kind() == Sections.Kind.AFFECTED_VERSIONS
              ? VersionLineParser.affected(line)
              : VersionLineParser.fixed(line);
      context = collect(read, s, context, affected, fixed, log);
    }
  }

  /**
   * {@code All Kubernetes versions are affected.} under an {@code Affected Components} heading
   * (CVE-2020-8554, a design flaw with no fix): every version of the component it names, or of the
   * default component when it names only Kubernetes.
   */
  static Optional<VersionLine.Affected> allVersionsSentence(Sections.Section section) {
    for (String line : section.lines()) {
      Matcher m = ALL_AFFECTED.matcher(Markdown.plain(Markdown.unlink(line)));
      if (!m.find()) {
        continue;
      }
      String words = m.group("a") != null ? m.group("a") : m.group("b");
      Optional<List<String>> names = Components.names(words == null ? "" : words);
      if (names.isPresent()) {
        return Optional.of(new VersionLine.Affected(names.get(), null, null, false, false, null));
      }
    }
    return Optional.empty();
  }

  /**
   * Fixed versions from upgrade advice outside the sections ({@code Upgrade ingress-nginx to
   * v1.11.5, v1.12.1, or any later version.}). They only pair with affected ranges (rule 3 in
   * {@link RangeBuilder}); they never make a range of their own.
   */
  static List<VersionLine.Fixed> upgradeAdvice(String body) {
    List<VersionLine.Fixed> fixed = new ArrayList<>();
    // Only the lines that say "upgrade": found with one scan of the body, not line by line.
    for (int at = body.indexOf("pgrade"); at >= 0; ) {
      int start = body.lastIndexOf('\n', at) + 1;
      int nl = body.indexOf('\n', at);
      int end = nl < 0 ? body.length() : nl;
      String line =
          body.substring(start, end > start && body.charAt(end - 1) == '\r' ? end - 1 : end);
      at = nl < 0 ? -1 : body.indexOf("pgrade", nl);
      Matcher m = UPGRADE.matcher(Markdown.plain(Markdown.unlink(Markdown.unescape(line))));
      while (m.find()) {
        List<String> components = Components.names(m.group(1)).orElse(List.of());
        Matcher v = VERSION.matcher(m.group(2));
        while (v.find()) {
          SemVer.parse(v.group()).ifPresent(sv -> fixed.add(new VersionLine.Fixed(components, sv)));
        }
      }
    }
    return fixed;
  }

  /** A line as quoted in a diagnostic: at most {@value #QUOTE_MAX} characters. */
  private static String shorten(String line) {
    return line.length() <= QUOTE_MAX ? line : line.substring(0, QUOTE_MAX) + "...";
  }

  /** Files one line; returns the component context for the lines after it. */
  private static List<String> collect(
      VersionLine line,
      Sections.Section section,
      List<String> context,
      List<VersionLine.Affected> affected,
      List<VersionLine.Fixed> fixed,
      DiagnosticLog log) {
    if (line instanceof VersionLine.ComponentOnly c) {
      return List.of(c.component());
    }
    if (line instanceof VersionLine.Affected a) {
      affected.add(a.components().isEmpty() ? a.withComponents(context) : a);
    } else if (line instanceof VersionLine.Fixed f) {
      fixed.add(f.components().isEmpty() ? f.withComponents(context) : f);
    } else if (line instanceof VersionLine.Unreadable u) {
      log.add(
          "versions.unreadable",
          "line \""
              + shorten(u.line().strip())
              + "\" under \""
              + section.heading()
              + "\" cannot be read; expected "
              + u.expected());
    }
    return context;
  }
}
