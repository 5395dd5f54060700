package io.k8s.cvefeed.cli;

/** Process exit codes, as the reference job uses them. */
final class ExitCode {
  /** Published or unchanged. */
  static final int OK = 0;

  /** Failed; nothing was published (or, with several targets, not everywhere). */
  static final int FAILED = 1;

  /** Usage or configuration error. */
  static final int USAGE = 2;

  /** {@code check}: a running version is affected. */
  static final int AFFECTED = 3;

  /** Published (or unchanged), but some issues were skipped. */
  static final int SKIPPED = 7;

  private ExitCode() {}
}
