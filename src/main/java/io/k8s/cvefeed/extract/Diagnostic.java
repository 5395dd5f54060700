package io.k8s.cvefeed.extract;

/**
 * A problem found in one issue's text. Collected, never thrown: the run goes on.
 *
 * @param issueNumber the issue the problem is in
 * @param kind a stable short name to count by, e.g. {@code title.no-cve-id}, {@code cvss.mismatch}
 * @param message what is wrong and, where possible, what to do
 * @param skipsIssue whether the issue was left out of the feed because of it
 */
public record Diagnostic(long issueNumber, String kind, String message, boolean skipsIssue) {

  @Override
  public String toString() {
    return "issue #" + issueNumber + ": " + message + " [" + kind + "]";
  }
}
