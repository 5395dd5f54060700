package io.k8s.cvefeed.cverecord;

import org.jspecify.annotations.Nullable;

/** What the record source knows of one CVE id this refresh. */
public sealed interface Lookup {
  /**
   * A record, fresh or from the cache.
   *
   * @param warning why a cached record stands in for a fresh one, or {@code null}
   * @param sha256 of the record's bytes, for the digest of the inputs
   */
  record Found(CveRecord record, @Nullable String warning, String sha256) implements Lookup {}

  /** The API answered 404: the id has no published record yet (reserved or unknown). */
  record Missing(@Nullable String warning) implements Lookup {}

  /** Neither the API nor the cache gave a record; {@code reason} names the CVE and the error. */
  record Unavailable(String reason) implements Lookup {}

  default @Nullable String warning() {
    if (this instanceof Found f) {
      return f.warning();
    }
    if (this instanceof Missing m) {
      return m.warning();
    }
    return ((Unavailable) this).reason();
  }
}
