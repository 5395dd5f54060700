package io.k8s.cvefeed.model;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One announcement issue, read: it becomes one feed item per CVE id in {@link #ids()}.
 *
 * @param issueNumber the kubernetes/kubernetes issue number
 * @param ids the issue's own CVE ids, from the title, in title order (never empty)
 * @param summary the title without the id block and its separator
 * @param url the issue's {@code html_url}
 * @param body the issue body exactly as GitHub returns it (CRLF kept); {@code ""} when empty
 * @param published the issue's {@code created_at}
 * @param updated the issue's {@code updated_at}
 * @param status the fix status derived from state and state reason
 * @param cvss the CVSS vector with computed score, when the announcement states one
 * @param affected affected version ranges per component, possibly empty
 * @param detailSource which extraction path produced {@code cvss} and {@code affected}
 * @param labelProvenance who applied the feed label, when checked
 * @param provenance where each value came from, when some came from another source than {@code
 *     detailSource} (the CVE record); {@code null} when all came from {@code detailSource}
 */
public record Advisory(
    long issueNumber,
    List<CveId> ids,
    String summary,
    String url,
    String body,
    Instant published,
    Instant updated,
    Status status,
    @Nullable Cvss cvss,
    List<AffectedRange> affected,
    DetailSource detailSource,
    @Nullable LabelProvenance labelProvenance,
    @Nullable Provenance provenance) {

  public Advisory {
    ids = List.copyOf(ids);
    affected = List.copyOf(affected);
    if (ids.isEmpty()) {
      throw new IllegalArgumentException("issue #" + issueNumber + ": an advisory needs a CVE id");
    }
  }

  /** An advisory whose values all come from {@code detailSource}. */
  public Advisory(
      long issueNumber,
      List<CveId> ids,
      String summary,
      String url,
      String body,
      Instant published,
      Instant updated,
      Status status,
      @Nullable Cvss cvss,
      List<AffectedRange> affected,
      DetailSource detailSource,
      @Nullable LabelProvenance labelProvenance) {
    this(
        issueNumber,
        ids,
        summary,
        url,
        body,
        published,
        updated,
        status,
        cvss,
        affected,
        detailSource,
        labelProvenance,
        null);
  }

  /** An advisory with only the title-derived facts. */
  public static Advisory basic(
      long issueNumber,
      List<CveId> ids,
      String summary,
      String url,
      String body,
      Instant published,
      Instant updated,
      Status status) {
    return new Advisory(
        issueNumber,
        ids,
        summary,
        url,
        body,
        published,
        updated,
        status,
        null,
        List.of(),
        DetailSource.TITLE_ONLY,
        null);
  }

  public Advisory withDetails(
      @Nullable Cvss cvss, List<AffectedRange> affected, DetailSource detailSource) {
    return copy(ids, cvss, affected, detailSource, labelProvenance);
  }

  /** The same advisory with values filled in from another source, saying where each came from. */
  public Advisory withFilled(
      @Nullable Cvss newCvss, List<AffectedRange> newAffected, Provenance newProvenance) {
    return new Advisory(
        issueNumber,
        ids,
        summary,
        url,
        body,
        published,
        updated,
        status,
        newCvss,
        newAffected,
        detailSource,
        labelProvenance,
        newProvenance);
  }

  /** The same advisory, announcing only {@code newIds}. */
  public Advisory withIds(List<CveId> newIds) {
    return copy(newIds, cvss, affected, detailSource, labelProvenance);
  }

  public Advisory withLabelProvenance(@Nullable LabelProvenance provenance) {
    return copy(ids, cvss, affected, detailSource, provenance);
  }

  /** A copy with the derived facts replaced; the issue's own fields stay. */
  private Advisory copy(
      List<CveId> newIds,
      @Nullable Cvss newCvss,
      List<AffectedRange> newAffected,
      DetailSource newDetailSource,
      @Nullable LabelProvenance newProvenance) {
    return new Advisory(
        issueNumber,
        newIds,
        summary,
        url,
        body,
        published,
        updated,
        status,
        newCvss,
        newAffected,
        newDetailSource,
        newProvenance,
        provenance);
  }
}
