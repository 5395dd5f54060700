package io.k8s.cvefeed.check;

import io.k8s.cvefeed.model.FeedException;
import org.jspecify.annotations.Nullable;

/** The feed to check against cannot be read: the message names the file or URL and why. */
public final class CheckInputException extends FeedException {
  private static final long serialVersionUID = 1L;

  public CheckInputException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }

  public CheckInputException(String message) {
    super(message, null);
  }
}
