package io.k8s.cvefeed.integrity;

import io.k8s.cvefeed.config.UsageException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes ECDSA P-256 keys as PEM: private keys as PKCS#8 ({@code BEGIN PRIVATE KEY}) or
 * SEC 1 ({@code BEGIN EC PRIVATE KEY}, as {@code openssl ecparam -genkey} writes), public keys as
 * SubjectPublicKeyInfo ({@code BEGIN PUBLIC KEY}, as cosign and openssl write).
 */
public final class PemKeys {
  private static final Pattern BLOCK =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");

  /** {@code SEQUENCE { OID id-ecPublicKey, OID prime256v1 }}, the PKCS#8 algorithm of P-256. */
  private static final byte[] EC_P256_ALGORITHM =
      HexFormat.of().parseHex("301306072a8648ce3d020106082a8648ce3d030107");

  private static final byte[] P256_OID = HexFormat.of().parseHex("06082a8648ce3d030107");

  private PemKeys() {}

  /** Reads a P-256 private key from a PEM file. */
  public static PrivateKey readPrivateKey(Path file) throws UsageException {
    String subject = "--signing-key " + file;
    Pem pem = read(file, subject);
    byte[] pkcs8 =
        switch (pem.type()) {
          case "PRIVATE KEY" -> pem.der();
          case "EC PRIVATE KEY" -> fromSec1(pem.der(), subject);
          case "ENCRYPTED PRIVATE KEY",
              "ENCRYPTED SIGSTORE PRIVATE KEY",
              "ENCRYPTED COSIGN PRIVATE KEY" ->
              throw new UsageException(
                  subject
                      + ": the key is encrypted; give an unencrypted PKCS#8 key, e.g. from"
                      + " 'cvefeed keygen' or 'openssl pkcs8 -topk8 -nocrypt'");
          default ->
              throw new UsageException(
                  subject + ": expected a BEGIN PRIVATE KEY block, found BEGIN " + pem.type());
        };
    try {
      return p256(
          KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8)), subject);
    } catch (GeneralSecurityException e) {
      throw new UsageException(subject + ": not an EC private key (" + e.getMessage() + ")");
    }
  }

  /** Reads a P-256 public key from a PEM file. */
  public static PublicKey readPublicKey(Path file) throws UsageException {
    String subject = "--public-key " + file;
    Pem pem = read(file, subject);
    if (!pem.type().equals("PUBLIC KEY")) {
      throw new UsageException(
          subject + ": expected a BEGIN PUBLIC KEY block, found BEGIN " + pem.type());
    }
    try {
      return p256(
          KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(pem.der())), subject);
    } catch (GeneralSecurityException e) {
      throw new UsageException(subject + ": not an EC public key (" + e.getMessage() + ")");
    }
  }

  /** A PEM block of {@code der}, 64 characters a line. */
  public static String pem(String type, byte[] der) {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }

  private record Pem(String type, byte[] der) {}

  private static Pem read(Path file, String subject) throws UsageException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UsageException(subject + ": cannot read (" + e + ")");
    }
    Matcher m = BLOCK.matcher(text);
    if (!m.find()) {
      throw new UsageException(subject + ": no PEM block found; expected -----BEGIN ...-----");
    }
    try {
      return new Pem(m.group(1), Base64.getMimeDecoder().decode(m.group(2)));
    } catch (IllegalArgumentException e) {
      throw new UsageException(subject + ": the PEM body is not base64");
    }
  }

  private static <K extends Key> K p256(K key, String subject) throws UsageException {
    if (!(key instanceof ECKey ec)
        || ec.getParams().getCurve().getField().getFieldSize() != 256
        || !ec.getParams().toString().contains("1.2.840.10045.3.1.7")
            && !ec.getParams().toString().contains("secp256r1")) {
      throw new UsageException(subject + ": expected an ECDSA P-256 (prime256v1) key");
    }
    return key;
  }

  /** Wraps a SEC 1 {@code ECPrivateKey} into PKCS#8; only P-256 keys are accepted. */
  private static byte[] fromSec1(byte[] sec1, String subject) throws UsageException {
    if (indexOf(sec1, P256_OID) < 0) {
      throw new UsageException(subject + ": expected an ECDSA P-256 (prime256v1) key");
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(new byte[] {0x02, 0x01, 0x00});
    body.writeBytes(EC_P256_ALGORITHM);
    body.writeBytes(tlv(0x04, sec1));
    return tlv(0x30, body.toByteArray());
  }

  private static byte[] tlv(int tag, byte[] value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int n = value.length;
    if (n < 0x80) {
      out.write(n);
    } else if (n < 0x100) {
      out.write(0x81);
      out.write(n);
    } else {
      out.write(0x82);
      out.write(n >> 8);
      out.write(n & 0xff);
    }
    out.writeBytes(value);
    return out.toByteArray();
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
