package io.k8s.cvefeed.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.k8s.cvefeed.render.Artifact;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryPublisherTest {
  @TempDir Path dir;

  private static Release release(String digest, Artifact... artifacts) {
    List<Artifact> list = List.of(artifacts);
    return new Release(
        list, Manifest.of(digest, Instant.parse("2026-01-01T00:00:00Z"), List.of(), list));
  }

  @Test
  void shouldReportNothingPublishedForAnEmptyDirectory() throws Exception {
    assertThat(new DirectoryPublisher(dir.resolve("missing")).published()).isNull();
  }

  @Test
  void shouldWriteOnlyChangedArtifactsAndTheManifest() throws Exception {
    DirectoryPublisher p = new DirectoryPublisher(dir);
    p.publish(
        release(
            "sha256:a",
            Artifact.utf8("a.txt", "text/plain", "A"),
            Artifact.utf8("b/b.txt", "text/plain", "B")),
        null);
    Manifest first = p.published();

    PublishResult second =
        p.publish(
            release(
                "sha256:b",
                Artifact.utf8("a.txt", "text/plain", "A"),
                Artifact.utf8("b/b.txt", "text/plain", "B2")),
            first);

    assertThat(second.written()).isEqualTo(2); // b/b.txt and manifest.json
    assertThat(Files.readString(dir.resolve("b/b.txt"))).isEqualTo("B2");
    assertThat(p.published().digest()).isEqualTo("sha256:b");
  }

  @Test
  void shouldLeaveFilesReadableByTheWebServer() throws Exception {
    new DirectoryPublisher(dir)
        .publish(release("sha256:a", Artifact.utf8("a.txt", "text/plain", "A")), null);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a.txt"))))
        .isEqualTo("rw-r--r--");
    try (var files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
    }
  }

  @Test
  void shouldRefuseWhenAnotherWriterPublishedSinceTheManifestWasRead() throws Exception {
    DirectoryPublisher p = new DirectoryPublisher(dir);
    p.publish(release("sha256:a", Artifact.utf8("a.txt", "text/plain", "A")), null);
    Manifest seen = p.published();
    p.publish(release("sha256:other", Artifact.utf8("a.txt", "text/plain", "other")), seen);

    assertThatThrownBy(
            () ->
                p.publish(
                    release("sha256:mine", Artifact.utf8("a.txt", "text/plain", "mine")), seen))
        .isInstanceOf(PublishException.class)
        .hasMessageContaining("manifest.json")
        .hasMessageContaining("another writer");
    assertThat(Files.readString(dir.resolve("a.txt"))).isEqualTo("other");
  }

  @Test
  void shouldNameTheManifestWhenItIsUnreadable() throws Exception {
    Files.writeString(dir.resolve("manifest.json"), "{not json");

    assertThatThrownBy(() -> new DirectoryPublisher(dir).published())
        .isInstanceOf(PublishException.class)
        .hasMessageContaining(dir.resolve("manifest.json").toUri().toString())
        .hasMessageContaining("unreadable manifest");
  }

  @Test
  void shouldNameTheFileWhenTheDirectoryIsNotWritable() throws Exception {
    Path file = dir.resolve("blocker");
    Files.writeString(file, "a file where the directory should be");

    assertThatThrownBy(
            () ->
                new DirectoryPublisher(file.resolve("out"))
                    .publish(release("sha256:a", Artifact.utf8("a.txt", "text/plain", "A")), null))
        .isInstanceOf(PublishException.class)
        .hasMessageContaining("blocker/out");
  }

  @Test
  void shouldWriteAManyFileReleaseAndKeepTheOldManifestWhenOneFileFails() throws Exception {
    DirectoryPublisher p = new DirectoryPublisher(dir);
    List<Artifact> many = new java.util.ArrayList<>();
    for (int i = 0; i < 300; i++) {
      many.add(Artifact.utf8("osv/CVE-2024-" + (1000 + i) + ".json", "application/json", "r" + i));
    }
    p.publish(new Release(many, Manifest.of("sha256:one", Instant.EPOCH, List.of(), many)), null);
    Manifest first = p.published();
    assertThat(dir.resolve("osv/CVE-2024-1299.json")).hasContent("r299");

    Files.createDirectories(dir.resolve("osv/CVE-2024-2000.json")); // a directory in the way
    List<Artifact> next = new java.util.ArrayList<>(many);
    next.add(Artifact.utf8("osv/CVE-2024-2000.json", "application/json", "new"));

    assertThatThrownBy(
            () ->
                p.publish(
                    new Release(next, Manifest.of("sha256:two", Instant.EPOCH, List.of(), next)),
                    first))
        .isInstanceOf(PublishException.class)
        .hasMessageContaining("CVE-2024-2000.json");
    assertThat(p.published().digest()).isEqualTo("sha256:one");
  }
}
