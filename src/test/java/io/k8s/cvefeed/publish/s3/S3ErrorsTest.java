package io.k8s.cvefeed.publish.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

/** A bucket that cannot be reached says what failed in words, not an exception class name. */
class S3ErrorsTest {
  @Test
  void shouldSayTheNameWasNotResolvedAndWhatToCheck() {
    SdkClientException e =
        SdkClientException.builder()
            .message("Unable to execute HTTP request: feeds.s3.invalid")
            .cause(new UnknownHostException("feeds.s3.invalid"))
            .build();

    String message = S3Errors.of("s3://feeds/cve/manifest.json", "write", e).getMessage();

    assertThat(message)
        .startsWith("s3://feeds/cve/manifest.json: write failed: host name not resolved")
        .contains("HTTPS_PROXY", "--s3-endpoint");
  }

  @Test
  void shouldSayTheConnectionWasRefused() {
    SdkClientException e =
        SdkClientException.builder()
            .message("Unable to execute HTTP request")
            .cause(new ConnectException("Connection refused"))
            .build();

    assertThat(S3Errors.of("s3://feeds/x", "read", e).getMessage())
        .startsWith("s3://feeds/x: read failed: connection refused");
  }
}
