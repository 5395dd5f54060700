package io.k8s.cvefeed.check;

import io.k8s.cvefeed.model.Severity;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One CVE that applies to one running component.
 *
 * @param vulnerability the CVE
 * @param component the canonical component name the range is about
 * @param running the running version found affected
 * @param fixedIn the first fixed version above the running one, if the range lists one
 * @param lastAffected the last affected version, when the range gives that instead of a fix
 * @param sources where the running version was read
 */
public record Finding(
    Vulnerability vulnerability,
    String component,
    RunningVersion running,
    @Nullable String fixedIn,
    @Nullable String lastAffected,
    List<String> sources) {
  public Finding {
    sources = List.copyOf(sources);
  }

  /**
   * Whether {@code check} cannot tell: the CVE publishes no fixed version anywhere and the range
   * the running version falls in has no end either (no {@code last_affected}), so the version is
   * only "at or after the first affected one".
   */
  public boolean unknown() {
    return fixedIn == null && lastAffected == null && !vulnerability.fixPublished();
  }

  public @Nullable Severity severity() {
    return vulnerability.severity();
  }
}
