package io.k8s.cvefeed.github;

import io.k8s.cvefeed.model.FeedException;
import org.jspecify.annotations.Nullable;

/** Reading issues failed: GitHub answered with an error, or never answered well. */
public final class SourceException extends FeedException {
  private static final long serialVersionUID = 1L;

  public SourceException(String message) {
    super(message, null);
  }

  public SourceException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
