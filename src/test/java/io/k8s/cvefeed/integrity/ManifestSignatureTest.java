package io.k8s.cvefeed.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.k8s.cvefeed.config.UsageException;
import io.k8s.cvefeed.render.Artifact;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** manifest.json.sig: round trip, tampering, key formats, and what openssl makes of it. */
class ManifestSignatureTest {
  private static final Artifact MANIFEST =
      Artifact.utf8("manifest.json", "application/json", "{\"schema\":1,\"files\":{}}\n");

  @TempDir Path dir;

  @Test
  void shouldVerifyWhatItSigned() {
    KeyPair pair = KeyPairFiles.newPair();

    Artifact sig = new ManifestSignature(pair.getPrivate()).sign(MANIFEST);

    assertThat(sig.path()).isEqualTo("manifest.json.sig");
    assertThat(ManifestSignature.verify(pair.getPublic(), MANIFEST.bytes(), sig.bytes())).isTrue();
  }

  @Test
  void shouldRejectAFlippedByteInTheManifestOrTheSignature() {
    KeyPair pair = KeyPairFiles.newPair();
    byte[] sig = new ManifestSignature(pair.getPrivate()).sign(MANIFEST).bytes();
    byte[] data = MANIFEST.bytes();
    byte[] der = Base64.getDecoder().decode(sig);

    for (int i = 0; i < data.length; i++) {
      byte[] tampered = data.clone();
      tampered[i] ^= 0x01;
      assertThat(ManifestSignature.verify(pair.getPublic(), tampered, sig))
          .as("byte %d", i)
          .isFalse();
    }
    for (int i = 0; i < der.length; i++) {
      byte[] tampered = der.clone();
      tampered[i] ^= 0x01;
      byte[] file = Base64.getEncoder().encode(tampered);
      assertThat(ManifestSignature.verify(pair.getPublic(), data, file))
          .as("sig byte %d", i)
          .isFalse();
    }
  }

  @Test
  void shouldRejectASignatureByAnotherKey() {
    byte[] sig = new ManifestSignature(KeyPairFiles.newPair().getPrivate()).sign(MANIFEST).bytes();

    assertThat(ManifestSignature.verify(KeyPairFiles.newPair().getPublic(), MANIFEST.bytes(), sig))
        .isFalse();
  }

  @Test
  void shouldReadTheKeysKeygenWrites() throws Exception {
    KeyPairFiles.generate(dir);
    PrivateKey priv = PemKeys.readPrivateKey(dir.resolve(KeyPairFiles.PRIVATE));
    PublicKey pub = PemKeys.readPublicKey(dir.resolve(KeyPairFiles.PUBLIC));

    byte[] sig = new ManifestSignature(priv).sign(MANIFEST).bytes();

    assertThat(ManifestSignature.verify(pub, MANIFEST.bytes(), sig)).isTrue();
  }

  @Test
  void shouldRefuseAKeyOnAnotherCurve() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp384r1"));
    Path key = dir.resolve("p384.key");
    Files.writeString(
        key, PemKeys.pem("PRIVATE KEY", g.generateKeyPair().getPrivate().getEncoded()));

    assertThatThrownBy(() -> PemKeys.readPrivateKey(key))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("expected an ECDSA P-256");
  }

  @Test
  void shouldExplainThatAnEncryptedKeyIsNotRead() throws Exception {
    Path key = dir.resolve("cosign.key");
    Files.writeString(key, PemKeys.pem("ENCRYPTED SIGSTORE PRIVATE KEY", new byte[] {1, 2, 3}));

    assertThatThrownBy(() -> PemKeys.readPrivateKey(key))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("the key is encrypted");
  }

  @Test
  void shouldBeVerifiedByOpensslWithAKeyOpensslMade() throws Exception {
    assumeTrue(run(dir, "openssl", "version") == 0, "openssl is not installed");
    // A SEC 1 key ("BEGIN EC PRIVATE KEY"), as 'openssl ecparam -genkey' writes it.
    assertThat(
            run(
                dir,
                "openssl",
                "ecparam",
                "-name",
                "prime256v1",
                "-genkey",
                "-noout",
                "-out",
                "ec.pem"))
        .isZero();
    assertThat(run(dir, "openssl", "ec", "-in", "ec.pem", "-pubout", "-out", "pub.pem")).isZero();
    assertThat(Files.readString(dir.resolve("ec.pem"))).contains("BEGIN EC PRIVATE KEY");

    Artifact sig =
        new ManifestSignature(PemKeys.readPrivateKey(dir.resolve("ec.pem"))).sign(MANIFEST);
    Files.write(dir.resolve("manifest.json"), MANIFEST.bytes());
    Files.write(dir.resolve("manifest.json.sig"), sig.bytes());
    // The documented command, without bash's <(…): base64 -d into a file first.
    Files.write(dir.resolve("sig.der"), Base64.getDecoder().decode(sig.bytes()));

    assertThat(
            run(
                dir,
                "openssl",
                "dgst",
                "-sha256",
                "-verify",
                "pub.pem",
                "-signature",
                "sig.der",
                "manifest.json"))
        .isZero();
    assertThat(Files.readString(dir.resolve("out.txt"))).contains("Verified OK");
    Files.writeString(dir.resolve("manifest.json"), "{}\n");
    assertThat(
            run(
                dir,
                "openssl",
                "dgst",
                "-sha256",
                "-verify",
                "pub.pem",
                "-signature",
                "sig.der",
                "manifest.json"))
        .isNotZero();
  }

  @Test
  void shouldProduceAPublicKeyOpensslReadsAndAPkcs8KeyOpensslReads() throws Exception {
    assumeTrue(run(dir, "openssl", "version") == 0, "openssl is not installed");
    KeyPairFiles.generate(dir);

    assertThat(run(dir, "openssl", "pkey", "-pubin", "-in", KeyPairFiles.PUBLIC, "-noout"))
        .isZero();
    assertThat(run(dir, "openssl", "pkey", "-in", KeyPairFiles.PRIVATE, "-noout")).isZero();
    Files.write(dir.resolve("manifest.json"), MANIFEST.bytes());
    Artifact sig =
        new ManifestSignature(PemKeys.readPrivateKey(dir.resolve(KeyPairFiles.PRIVATE)))
            .sign(MANIFEST);
    Files.write(dir.resolve("sig.der"), Base64.getDecoder().decode(sig.bytes()));
    assertThat(
            run(
                dir,
                "openssl",
                "dgst",
                "-sha256",
                "-verify",
                KeyPairFiles.PUBLIC,
                "-signature",
                "sig.der",
                "manifest.json"))
        .isZero();
  }

  /** Runs a command in {@code cwd}, output to {@code out.txt}; returns its exit code. */
  private static int run(Path cwd, String... command) throws InterruptedException {
    try {
      Process p =
          new ProcessBuilder(List.of(command))
              .directory(cwd.toFile())
              .redirectErrorStream(true)
              .redirectOutput(cwd.resolve("out.txt").toFile())
              .start();
      return p.waitFor();
    } catch (IOException e) {
      return -1;
    }
  }
}
