package io.k8s.cvefeed.refresh;

import java.time.Instant;

/**
 * Inputs a refresh reads besides the issues, such as cached CVE records: their fingerprint joins
 * the issues' in {@link ReleaseInputs}, so that a change in them makes the next refresh a full one.
 */
@FunctionalInterface
public interface ExtraInputs {
  /**
   * A fingerprint of these inputs as a refresh at {@code now} would use them. A source that would
   * read anew at {@code now} (a cache entry past its time to live) returns a value no earlier call
   * returned, so that the refresh runs in full.
   */
  String fingerprint(Instant now);
}
