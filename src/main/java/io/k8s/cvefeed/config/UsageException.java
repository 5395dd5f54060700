package io.k8s.cvefeed.config;

/** The command line or configuration is wrong. Exit code 2; the message says what to change. */
public final class UsageException extends Exception {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }
}
