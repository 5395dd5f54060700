package io.k8s.cvefeed.integrity;

import io.k8s.cvefeed.publish.Manifest;
import io.k8s.cvefeed.refresh.ManifestSigner;
import io.k8s.cvefeed.render.Artifact;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/**
 * Signs {@code manifest.json} into {@code manifest.json.sig}: the base64 of a DER-encoded ECDSA
 * P-256 signature over the SHA-256 of the manifest bytes, without a trailing newline. That is the
 * format {@code cosign sign-blob} writes and {@code cosign verify-blob --key} reads, and, once
 * base64-decoded, what {@code openssl dgst -sha256 -verify} checks.
 */
public final class ManifestSignature implements ManifestSigner {
  /** Where the signature is published, next to {@code manifest.json}. */
  public static final String PATH = Manifest.SIGNATURE_PATH;

  static final String ALGORITHM = "SHA256withECDSA";
  static final String MEDIA_TYPE = "text/plain; charset=us-ascii";

  private final PrivateKey key;

  /** Signs with {@code key}, an EC P-256 key, e.g. from {@link PemKeys#readPrivateKey}. */
  public ManifestSignature(PrivateKey key) {
    this.key = key;
  }

  @Override
  public Artifact sign(Artifact manifest) {
    try {
      Signature s = Signature.getInstance(ALGORITHM);
      s.initSign(key);
      s.update(manifest.bytes());
      String text = Base64.getEncoder().encodeToString(s.sign());
      return Artifact.utf8(PATH, MEDIA_TYPE, text);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("manifest.json: signing failed: " + e.getMessage(), e);
    }
  }

  /**
   * Whether {@code signatureFile} (base64, surrounding white space allowed) is a valid signature of
   * {@code data} by {@code key}. Malformed signatures are simply invalid.
   */
  public static boolean verify(PublicKey key, byte[] data, byte[] signatureFile) {
    try {
      byte[] der =
          Base64.getDecoder().decode(new String(signatureFile, StandardCharsets.US_ASCII).strip());
      Signature s = Signature.getInstance(ALGORITHM);
      s.initVerify(key);
      s.update(data);
      return s.verify(der);
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      return false;
    }
  }
}
