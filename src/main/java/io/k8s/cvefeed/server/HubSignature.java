package io.k8s.cvefeed.server;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/** GitHub's {@code X-Hub-Signature-256}: {@code sha256=} and the hex HMAC-SHA256 of the body. */
final class HubSignature {
  static final String HEADER = "X-Hub-Signature-256";
  private static final String PREFIX = "sha256=";

  /** The result of a check. */
  enum Check {
    VALID,
    MISSING,
    MALFORMED,
    MISMATCH;

    String reason() {
      return switch (this) {
        case VALID -> "valid";
        case MISSING -> "missing_signature";
        case MALFORMED -> "malformed_signature";
        case MISMATCH -> "bad_signature";
      };
    }
  }

  private HubSignature() {}

  /** Checks {@code header} against {@code body}, comparing in constant time. */
  static Check check(byte[] secret, byte[] body, @Nullable String header) {
    if (header == null || header.isBlank()) {
      return Check.MISSING;
    }
    String value = header.trim();
    if (!value.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      return Check.MALFORMED;
    }
    byte[] given;
    try {
      given = HexFormat.of().parseHex(value.substring(PREFIX.length()));
    } catch (IllegalArgumentException e) {
      return Check.MALFORMED;
    }
    return MessageDigest.isEqual(hmac(secret, body), given) ? Check.VALID : Check.MISMATCH;
  }

  /** The header value GitHub would send for {@code body}. */
  static String sign(byte[] secret, byte[] body) {
    return PREFIX + HexFormat.of().formatHex(hmac(secret, body));
  }

  private static byte[] hmac(byte[] secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /** Constant-time comparison of two strings, e.g. bearer tokens, independent of length. */
  static boolean sameSecret(String expected, String given) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] a = sha.digest(expected.getBytes(StandardCharsets.UTF_8));
      byte[] b = sha.digest(given.getBytes(StandardCharsets.UTF_8));
      return MessageDigest.isEqual(a, b);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
  }
}
