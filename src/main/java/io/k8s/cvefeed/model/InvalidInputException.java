package io.k8s.cvefeed.model;

/** A value read from untrusted input does not have the expected shape. */
public final class InvalidInputException extends Exception {
  private static final long serialVersionUID = 1L;

  public InvalidInputException(String message) {
    super(message);
  }
}
