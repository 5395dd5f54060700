package io.k8s.cvefeed.integrity;

import io.k8s.cvefeed.config.UsageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.List;

/**
 * Writes a new ECDSA P-256 key pair: {@code cvefeed.key} (PKCS#8 PEM, unencrypted, mode 0600 where
 * the file system has POSIX permissions) and {@code cvefeed.pub} (SubjectPublicKeyInfo PEM, which
 * cosign and openssl read). Never overwrites.
 */
public final class KeyPairFiles {
  public static final String PRIVATE = "cvefeed.key";
  public static final String PUBLIC = "cvefeed.pub";

  private KeyPairFiles() {}

  /** Generates a key pair into {@code dir} (created if missing) and returns the two paths. */
  public static List<Path> generate(Path dir) throws UsageException, IOException {
    Path priv = dir.resolve(PRIVATE);
    Path pub = dir.resolve(PUBLIC);
    for (Path p : List.of(priv, pub)) {
      if (Files.exists(p)) {
        throw new UsageException(p + ": already exists; remove it or choose another --out");
      }
    }
    KeyPair pair = newPair();
    Files.createDirectories(dir);
    try {
      if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
        Files.createFile(
            priv,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } else {
        Files.createFile(priv);
      }
      Files.writeString(
          priv,
          PemKeys.pem("PRIVATE KEY", pair.getPrivate().getEncoded()),
          StandardCharsets.US_ASCII);
      Files.writeString(
          pub,
          PemKeys.pem("PUBLIC KEY", pair.getPublic().getEncoded()),
          StandardCharsets.US_ASCII,
          StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE);
    } catch (FileAlreadyExistsException e) {
      throw new UsageException(e.getFile() + ": already exists; remove it or choose another --out");
    }
    return List.of(priv, pub);
  }

  static KeyPair newPair() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"));
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK always has EC P-256", e);
    }
  }
}
