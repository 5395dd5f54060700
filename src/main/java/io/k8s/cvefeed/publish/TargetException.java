package io.k8s.cvefeed.publish;

/**
 * A publish target URI or its options are wrong: a usage error (exit 2). The message names the
 * target, with any credential in it masked, and says how to fix it.
 */
public final class TargetException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public TargetException(String message) {
    super(message);
  }

  public TargetException(String message, Throwable cause) {
    super(message, cause);
  }
}
