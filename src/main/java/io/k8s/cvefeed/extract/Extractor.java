package io.k8s.cvefeed.extract;

import io.k8s.cvefeed.github.RawIssue;
import io.k8s.cvefeed.model.Advisory;
import io.k8s.cvefeed.model.AffectedRange;
import io.k8s.cvefeed.model.Cvss;
import java.util.Optional;

/**
 * Reads one raw issue into an {@link Advisory} plus the problems found on the way. Pure: no I/O, no
 * clock, never throws on bad issue text (problems become {@link Diagnostic}s).
 *
 * <p>Details come from the first path that yields them: the embedded {@code json osv} block, then
 * the announcement layout (CVSS line, version sections), else the title only. The advisory's {@link
 * Advisory#detailSource()} says which.
 */
public final class Extractor {

  public Extractor() {}

  /** Extracts one issue; the advisory is {@code null} when the title carries no CVE id. */
  public Extraction extract(RawIssue issue) {
    DiagnosticLog log = new DiagnosticLog(issue.number());
    TitleParser.Title title = TitleParser.parse(issue.title());
    if (title.ids().isEmpty()) {
      log.skip(
          "title.no-cve-id",
          "title \""
              + issue.title()
              + "\" starts with no CVE id; issue skipped (placeholder or not yet retitled)");
      return new Extraction(null, log.all());
    }
    if (title.summary().isEmpty()) {
      log.add(
          "title.no-summary", "title \"" + issue.title() + "\" has no summary after the CVE id");
    }
    StatusMapper.Mapped status =
        StatusMapper.map(issue.number(), issue.state(), issue.stateReason());
    status.diagnostic().ifPresent(log::add);
    String body = issue.body() == null ? "" : issue.body();
    Advisory advisory =
        Advisory.basic(
            issue.number(),
            title.ids(),
            title.summary(),
            issue.htmlUrl(),
            body,
            issue.createdAt(),
            issue.updatedAt(),
            status.status());
    Details details = details(body, advisory, log);
    noModule(details, log);
    return new Extraction(
        advisory.withDetails(details.cvss(), details.ranges(), details.source()), log.all());
  }

  /** One diagnostic per component that {@link Components} knows no Go module for. */
  private static void noModule(Details details, DiagnosticLog log) {
    details.ranges().stream()
        .filter(r -> r.module() == null)
        .map(AffectedRange::component)
        .distinct()
        .forEach(
            c ->
                log.add(
                    "component.no-module",
                    "component \""
                        + c
                        + "\" has no Go module in the component table; the OSV record leaves it"
                        + " out (add a row to extract/Components)"));
  }

  private static Details details(String body, Advisory advisory, DiagnosticLog log) {
    Optional<Details> osv = OsvBlockReader.read(body, advisory.ids(), log);
    String text = OsvBlockReader.withoutBlock(body);
    if (osv.isEmpty()) {
      return AnnouncementReader.read(text, advisory.summary(), log);
    }
    // The block is the source of truth; the text's CVSS line only fills a missing severity.
    DiagnosticLog textLog = new DiagnosticLog(log.issue());
    Optional<Cvss> stated = CvssLineReader.read(text, textLog);
    Cvss fromBlock = osv.get().cvss();
    if (fromBlock == null) {
      textLog.all().forEach(log::add);
      return new Details(stated.orElse(null), osv.get().ranges(), osv.get().source());
    }
    if (stated.isPresent() && !stated.get().vector().equals(fromBlock.vector())) {
      log.add(
          "osv.cvss-differs",
          "the json osv block says "
              + fromBlock.vector()
              + " but the text says "
              + stated.get().vector()
              + "; using the block");
    }
    return osv.get();
  }
}
