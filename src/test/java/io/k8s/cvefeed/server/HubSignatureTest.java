package io.k8s.cvefeed.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HubSignatureTest {
  private static final byte[] SECRET =
      "It's a Secret to Everybody".getBytes(StandardCharsets.UTF_8);
  private static final byte[] BODY = "Hello, World!".getBytes(StandardCharsets.UTF_8);

  /** GitHub's documented example for this secret and body ("Validating webhook deliveries"). */
  private static final String GITHUB_EXAMPLE =
      "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

  @Test
  void shouldMatchGitHubsDocumentedExample() {
    assertThat(HubSignature.sign(SECRET, BODY)).isEqualTo(GITHUB_EXAMPLE);
    assertThat(HubSignature.check(SECRET, BODY, GITHUB_EXAMPLE))
        .isEqualTo(HubSignature.Check.VALID);
    assertThat(
            HubSignature.check(
                SECRET, BODY, GITHUB_EXAMPLE.toUpperCase().replace("SHA256", "sha256")))
        .isEqualTo(HubSignature.Check.VALID);
  }

  @Test
  void shouldTellMissingMalformedAndWrongApart() {
    assertThat(HubSignature.check(SECRET, BODY, null)).isEqualTo(HubSignature.Check.MISSING);
    assertThat(HubSignature.check(SECRET, BODY, " ")).isEqualTo(HubSignature.Check.MISSING);
    assertThat(HubSignature.check(SECRET, BODY, "sha1=abcd"))
        .isEqualTo(HubSignature.Check.MALFORMED);
    assertThat(HubSignature.check(SECRET, BODY, "sha256=xyz"))
        .isEqualTo(HubSignature.Check.MALFORMED);
    assertThat(HubSignature.check(SECRET, BODY, "sha256=abcd"))
        .isEqualTo(HubSignature.Check.MISMATCH);
    assertThat(HubSignature.check("other".getBytes(StandardCharsets.UTF_8), BODY, GITHUB_EXAMPLE))
        .isEqualTo(HubSignature.Check.MISMATCH);
  }

  @Test
  void shouldCompareTokensWhateverTheirLength() {
    assertThat(HubSignature.sameSecret("token", "token")).isTrue();
    assertThat(HubSignature.sameSecret("token", "toke")).isFalse();
    assertThat(HubSignature.sameSecret("token", "token-and-more")).isFalse();
    assertThat(HubSignature.sameSecret("token", "")).isFalse();
  }
}
