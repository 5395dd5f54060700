package io.k8s.cvefeed.publish.s3;

import java.net.URI;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/** Builds the {@link S3Client} for a target: JDK HTTP transport, no Netty, no Apache client. */
public final class S3Clients {
  private S3Clients() {}

  /**
   * A client with the default credential chain (environment, profile, web identity, IMDS).
   *
   * @param endpoint an S3-compatible endpoint, or {@code null} for AWS
   * @param pathStyle path-style access ({@code endpoint/bucket/key}), which most S3-compatible
   *     stores need
   * @param region the region, or {@code null} for the default region chain ({@code us-east-1} when
   *     that finds none and an endpoint is given)
   */
  public static S3Client create(
      @Nullable URI endpoint, boolean pathStyle, @Nullable String region) {
    return create(endpoint, pathStyle, region, DefaultCredentialsProvider.builder().build());
  }

  /** As {@link #create(URI, boolean, String)} with the given credentials. */
  public static S3Client create(
      @Nullable URI endpoint,
      boolean pathStyle,
      @Nullable String region,
      AwsCredentialsProvider credentials) {
    var builder =
        S3Client.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .credentialsProvider(credentials)
            // HttpURLConnection and "Expect: 100-continue" break kept-alive connections.
            .serviceConfiguration(S3Configuration.builder().expectContinueEnabled(false).build())
            .region(region(region, endpoint != null))
            .forcePathStyle(pathStyle);
    if (endpoint != null) {
      builder.endpointOverride(endpoint);
    }
    return builder.build();
  }

  private static Region region(@Nullable String region, boolean custom) {
    if (region != null) {
      return Region.of(region);
    }
    try {
      return new DefaultAwsRegionProviderChain().getRegion();
    } catch (RuntimeException e) {
      if (custom) {
        return Region.US_EAST_1;
      }
      throw new IllegalArgumentException(
          "s3: no AWS region configured; set AWS_REGION or pass --s3-region", e);
    }
  }
}
