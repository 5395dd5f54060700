package io.k8s.cvefeed.model;

import org.jspecify.annotations.Nullable;

/**
 * A failure of the environment (GitHub, a bucket, a remote). Messages follow {@code <subject>:
 * <what is wrong>[; <what to do>]} and name the subject (URL, bucket/key, issue number).
 */
public abstract class FeedException extends Exception {
  private static final long serialVersionUID = 1L;

  protected FeedException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
