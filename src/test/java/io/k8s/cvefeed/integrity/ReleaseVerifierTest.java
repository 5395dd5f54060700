package io.k8s.cvefeed.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.k8s.cvefeed.publish.Manifest;
import io.k8s.cvefeed.render.Artifact;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** verify over a signed release in a directory: good, then each way it can be tampered with. */
class ReleaseVerifierTest {
  private static final List<String> FILES =
      List.of("official-cve-feed.json", "osv/CVE-2024-0001.json", "index.html");

  @TempDir Path dir;
  private final KeyPair pair = KeyPairFiles.newPair();

  @BeforeEach
  void publish() throws Exception {
    List<Artifact> artifacts = new ArrayList<>();
    for (String path : FILES) {
      artifacts.add(Artifact.utf8(path, "application/json", "{\"path\":\"" + path + "\"}\n"));
    }
    Artifact manifest =
        Manifest.of(
                "sha256:00",
                Instant.parse("2024-01-01T00:00:00Z"),
                List.of("CVE-2024-0001"),
                artifacts)
            .toArtifact();
    artifacts.add(manifest);
    artifacts.add(new ManifestSignature(pair.getPrivate()).sign(manifest));
    for (Artifact a : artifacts) {
      Files.createDirectories(dir.resolve(a.path()).getParent());
      Files.write(dir.resolve(a.path()), a.bytes());
    }
  }

  private ReleaseVerifier.Result verify() throws InterruptedException {
    return new ReleaseVerifier(pair.getPublic()).verify(ReleaseReader.directory(dir));
  }

  @Test
  void shouldPassAnUntouchedRelease() throws Exception {
    ReleaseVerifier.Result r = verify();

    assertThat(r.ok()).isTrue();
    assertThat(r.files()).isEqualTo(3);
  }

  @Test
  void shouldNameTheFileWhenAnyByteOfAnyFileIsFlipped() throws Exception {
    List<String> all = new ArrayList<>(FILES);
    all.add("manifest.json");
    all.add("manifest.json.sig");
    for (String path : all) {
      Path file = dir.resolve(path);
      byte[] original = Files.readAllBytes(file);
      for (int i = 0; i < original.length; i += Math.max(1, original.length / 7)) {
        byte[] tampered = original.clone();
        tampered[i] ^= 0x01;
        Files.write(file, tampered);
        ReleaseVerifier.Result r = verify();
        // A flipped manifest byte breaks the signature, so the signature file is named.
        String expected = path.equals("manifest.json") ? "manifest.json.sig" : path;
        assertThat(r.failedFile()).as("%s byte %d", path, i).isEqualTo(expected);
      }
      Files.write(file, original);
    }
    assertThat(verify().ok()).isTrue();
  }

  @Test
  void shouldNameAMissingFile() throws Exception {
    Files.delete(dir.resolve("osv/CVE-2024-0001.json"));

    ReleaseVerifier.Result r = verify();

    assertThat(r.failedFile()).isEqualTo("osv/CVE-2024-0001.json");
    assertThat(r.message()).contains("cannot read");
  }

  @Test
  void shouldNameAFileThatGrew() throws Exception {
    Files.writeString(dir.resolve("index.html"), "extra", StandardOpenOption.APPEND);

    assertThat(verify().message()).contains("index.html", "size");
  }

  @Test
  void shouldNotReadOutsideTheReleaseEvenWhenASignedManifestSaysSo() throws Exception {
    SortedMap<String, Manifest.FileEntry> files = new TreeMap<>();
    files.put(
        "../outside.txt",
        new Manifest.FileEntry(Artifact.sha256Hex(new byte[] {'x'}), 1, "text/plain"));
    Artifact manifest =
        new Manifest("sha256:00", Instant.parse("2024-01-01T00:00:00Z"), List.of(), files)
            .toArtifact();
    Files.write(dir.resolve("manifest.json"), manifest.bytes());
    Files.write(
        dir.resolve("manifest.json.sig"),
        new ManifestSignature(pair.getPrivate()).sign(manifest).bytes());

    ReleaseVerifier.Result r = verify();

    assertThat(r.failedFile()).isEqualTo("../outside.txt");
    assertThat(r.message()).contains("not a plain relative path");
  }

  @Test
  void shouldRejectAnotherPublicKey() throws Exception {
    ReleaseVerifier.Result r =
        new ReleaseVerifier(KeyPairFiles.newPair().getPublic())
            .verify(ReleaseReader.directory(dir));

    assertThat(r.failedFile()).isEqualTo("manifest.json.sig");
  }

  @Test
  void shouldWriteAPrivateKeyOnlyItsOwnerMayRead() throws Exception {
    Path keys = dir.resolve("keys");
    KeyPairFiles.generate(keys);
    if (Files.getFileStore(keys).supportsFileAttributeView("posix")) {
      assertThat(Files.getPosixFilePermissions(keys.resolve(KeyPairFiles.PRIVATE)))
          .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    }
    byte[] before = Files.readAllBytes(keys.resolve(KeyPairFiles.PRIVATE));

    assertThatThrownBy(() -> KeyPairFiles.generate(keys)).hasMessageContaining("already exists");
    assertThat(Files.readAllBytes(keys.resolve(KeyPairFiles.PRIVATE))).isEqualTo(before);
  }
}
