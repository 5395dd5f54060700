package io.k8s.cvefeed.publish;

import io.k8s.cvefeed.model.FeedException;
import org.jspecify.annotations.Nullable;

/** Writing to a target failed. The message names the target, the object and the cause. */
public final class PublishException extends FeedException {
  private static final long serialVersionUID = 1L;

  public PublishException(String message) {
    super(message, null);
  }

  public PublishException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
