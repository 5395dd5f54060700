package io.k8s.cvefeed.publish;

import io.k8s.cvefeed.publish.git.GitOptions;
import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * Settings of the publish targets that do not fit in their URIs.
 *
 * @param gcsEndpoint a Cloud Storage emulator ({@code --gcs-endpoint}), or {@code null} for Google
 *     Cloud with Application Default Credentials
 * @param s3Endpoint an S3-compatible endpoint ({@code --s3-endpoint}), or {@code null} for AWS
 * @param s3PathStyle path-style S3 addressing, which most S3-compatible stores need
 * @param s3Region the AWS region, or {@code null} for the default region chain
 * @param git commit identity, pull request title and labels, GitHub token and API
 */
public record PublishOptions(
    @Nullable URI gcsEndpoint,
    @Nullable URI s3Endpoint,
    boolean s3PathStyle,
    @Nullable String s3Region,
    GitOptions git) {

  /** Cloud defaults, and {@code githubToken} (may be null) for git targets. */
  public static PublishOptions defaults(@Nullable String githubToken) {
    return new PublishOptions(null, null, false, null, GitOptions.defaults(githubToken));
  }
}
