package io.k8s.cvefeed.model;

import org.jspecify.annotations.Nullable;

/**
 * Where an advisory's values came from, when not all from {@link Advisory#detailSource()}: the CVE
 * record fills what the issue leaves out. Precedence: the OSV block, then the CVE record,
 * then the announcement's text.
 *
 * @param cvss where {@link Advisory#cvss()} came from, or {@code null} when there is none
 * @param affected where {@link Advisory#affected()} came from, or {@code null} when empty
 * @param cveRecordUpdated the {@code dateUpdated} of the CVE record used, when one was
 */
public record Provenance(
    @Nullable DetailSource cvss,
    @Nullable DetailSource affected,
    @Nullable String cveRecordUpdated) {

  /** Whether any value came from the CVE record. */
  public boolean usesCveRecord() {
    return cvss == DetailSource.CVE_RECORD || affected == DetailSource.CVE_RECORD;
  }
}
