package io.k8s.cvefeed.publish.s3;

import io.k8s.cvefeed.net.NetworkFailure;
import io.k8s.cvefeed.publish.PublishException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns SDK failures into messages naming the object, the cause and what to do. */
final class S3Errors {
  private S3Errors() {}

  /**
   * @param action {@code read}, {@code write} or {@code delete}
   */
  static PublishException of(String subject, String action, SdkException e) {
    if (e instanceof AwsServiceException s) {
      int status = s.statusCode();
      String code = s.awsErrorDetails() == null ? "" : s.awsErrorDetails().errorCode();
      String what = status + " " + (code == null ? "" : code);
      return new PublishException(subject + ": " + what.strip() + hint(status, code, action), e);
    }
    String network = NetworkFailure.summary(e);
    if (network != null) {
      return new PublishException(
          subject + ": " + action + " failed: " + network + "; check --s3-endpoint", e);
    }
    return new PublishException(
        subject
            + ": "
            + action
            + " failed ("
            + e.getClass().getSimpleName()
            + ": "
            + e.getMessage()
            + "); check the endpoint, region and network",
        e);
  }

  private static String hint(int status, String code, String action) {
    if (status == 412 || "PreconditionFailed".equals(code)) {
      return "; precondition failed, another writer published first; rerun";
    }
    if ("NoSuchBucket".equals(code)) {
      return "; the bucket does not exist: create it or fix the URI";
    }
    return switch (status) {
      case 401, 403 ->
          "; the credentials lack s3:"
              + switch (action) {
                case "read" -> "GetObject";
                case "delete" -> "DeleteObject";
                default -> "PutObject";
              }
              + " on this key";
      case 301, 400 -> "; check the region and the endpoint (path-style for S3-compatible stores)";
      case 409 -> "; a concurrent change conflicted; rerun";
      default -> "";
    };
  }
}
