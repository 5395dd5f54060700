package io.k8s.cvefeed.refresh;

import io.k8s.cvefeed.extract.Diagnostic;
import io.k8s.cvefeed.github.SourceException;
import io.k8s.cvefeed.model.Advisory;
import java.util.List;

/**
 * A step between extraction and rendering that may annotate or leave out advisories, e.g. the label
 * provenance check. It adds a diagnostic (with {@code skipsIssue}) for every advisory it leaves
 * out. Throwing fails the refresh before anything is written.
 */
@FunctionalInterface
public interface AdvisoryCheck {
  List<Advisory> check(List<Advisory> advisories, List<Diagnostic> diagnostics)
      throws SourceException, InterruptedException;
}
