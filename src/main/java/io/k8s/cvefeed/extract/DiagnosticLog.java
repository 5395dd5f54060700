package io.k8s.cvefeed.extract;

import java.util.ArrayList;
import java.util.List;

/** Collects the diagnostics of one issue, in the order found. */
final class DiagnosticLog {
  private final long issue;
  private final List<Diagnostic> diagnostics = new ArrayList<>();

  DiagnosticLog(long issue) {
    this.issue = issue;
  }

  long issue() {
    return issue;
  }

  void add(String kind, String message) {
    diagnostics.add(new Diagnostic(issue, kind, message, false));
  }

  void skip(String kind, String message) {
    diagnostics.add(new Diagnostic(issue, kind, message, true));
  }

  void add(Diagnostic diagnostic) {
    diagnostics.add(diagnostic);
  }

  List<Diagnostic> all() {
    return List.copyOf(diagnostics);
  }
}
