package io.k8s.cvefeed.publish.gcs;

import com.google.cloud.storage.StorageException;
import io.k8s.cvefeed.net.NetworkFailure;
import io.k8s.cvefeed.publish.PublishException;

/** Turns client failures into messages naming the object, the cause and what to do. */
final class GcsErrors {
  private GcsErrors() {}

  /**
   * @param action the permission suffix: {@code get}, {@code create} or {@code delete}
   */
  static PublishException of(String subject, String action, StorageException e) {
    int code = e.getCode();
    String hint =
        switch (code) {
          case 401 ->
              "; no valid credentials: run `gcloud auth application-default login` or set"
                  + " GOOGLE_APPLICATION_CREDENTIALS";
          case 403 -> "; the credentials lack storage.objects." + action;
          case 404 -> "; the bucket does not exist or the credentials cannot see it";
          case 412 -> "; precondition failed, another writer published first; rerun";
          case 429 -> "; rate limited; rerun later";
          case 0 ->
              "; check the network, Application Default Credentials"
                  + " (`gcloud auth application-default login`) and --gcs-endpoint";
          default -> "";
        };
    String network = code == 0 ? NetworkFailure.summary(e) : null;
    if (network != null) {
      return new PublishException(subject + ": " + network + "; check --gcs-endpoint", e);
    }
    String status = code == 0 ? "" + e.getMessage() : code + " " + statusText(code, e);
    return new PublishException(subject + ": " + status + hint, e);
  }

  private static String statusText(int code, StorageException e) {
    return switch (code) {
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 412 -> "Precondition Failed";
      case 429 -> "Too Many Requests";
      default -> e.getReason() == null ? String.valueOf(e.getMessage()) : e.getReason();
    };
  }
}
