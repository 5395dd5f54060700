package io.k8s.cvefeed.refresh;

import io.k8s.cvefeed.extract.Extraction;
import io.k8s.cvefeed.github.RawIssue;

/** Reads one issue into an advisory and its diagnostics. Called from several threads at once. */
@FunctionalInterface
public interface IssueExtractor {
  Extraction extract(RawIssue issue);
}
