package io.k8s.cvefeed.publish.gcs;

import com.google.cloud.NoCredentials;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import java.net.URI;
import org.jspecify.annotations.Nullable;

/** Builds the {@link Storage} client for a target. */
public final class GcsClients {
  private GcsClients() {}

  /**
   * The JSON API client with Application Default Credentials, or, when {@code endpoint} is given
   * (an emulator such as fake-gcs-server), no credentials at all.
   *
   * @param endpoint e.g. {@code http://localhost:4443}, or {@code null} for Google Cloud
   */
  public static Storage create(@Nullable URI endpoint) {
    StorageOptions.Builder options = StorageOptions.http();
    if (endpoint != null) {
      options
          .setHost(endpoint.toString())
          .setProjectId("cvefeed-emulator")
          .setCredentials(NoCredentials.getInstance());
    }
    return options.build().getService();
  }
}
