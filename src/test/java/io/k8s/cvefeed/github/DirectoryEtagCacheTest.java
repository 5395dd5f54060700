package io.k8s.cvefeed.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryEtagCacheTest {
  private static final URI PAGE_1 = URI.create("https://api.github.com/repos/o/r/issues?page=1");
  private static final URI PAGE_2 = URI.create("https://api.github.com/repos/o/r/issues?page=2");
  private static final EtagCache.Entry ENTRY =
      new EtagCache.Entry(
          "W/\"abc\"", "<https://x?page=2>; rel=\"next\"", bytes("[{\"number\":1}]\n\n[]"));

  @TempDir Path dir;

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private long files() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.count();
    }
  }

  @Test
  void shouldReturnWhatWasStoredPerUrl() {
    DirectoryEtagCache cache = new DirectoryEtagCache(dir.resolve("new/sub"));
    cache.put(PAGE_1, ENTRY);

    EtagCache.Entry read = new DirectoryEtagCache(dir.resolve("new/sub")).get(PAGE_1);

    assertThat(read).isNotNull();
    assertThat(read.etag()).isEqualTo(ENTRY.etag());
    assertThat(read.link()).isEqualTo(ENTRY.link());
    assertThat(read.body()).isEqualTo(ENTRY.body());
    assertThat(cache.get(PAGE_2)).isNull();
  }

  @Test
  void shouldKeepEntryWithoutLink() {
    DirectoryEtagCache cache = new DirectoryEtagCache(dir);
    cache.put(PAGE_1, new EtagCache.Entry("\"e\"", null, bytes("[]")));

    assertThat(cache.get(PAGE_1)).extracting(EtagCache.Entry::link).isNull();
  }

  @Test
  void shouldNameFilesBySha256OfUrlAndLeaveNoTemporaryFiles() throws IOException {
    DirectoryEtagCache cache = new DirectoryEtagCache(dir);
    cache.put(PAGE_1, ENTRY);
    cache.put(PAGE_2, ENTRY);
    cache.put(PAGE_2, ENTRY);

    assertThat(files()).isEqualTo(2);
    assertThat(cache.file(PAGE_1).getFileName().toString()).matches("[0-9a-f]{64}\\.page");
  }

  @Test
  void shouldDropEntryWhoseBodyNoLongerMatchesItsDigest() throws IOException {
    DirectoryEtagCache cache = new DirectoryEtagCache(dir);
    cache.put(PAGE_1, ENTRY);
    Path file = cache.file(PAGE_1);
    byte[] stored = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(stored, stored.length - 3)); // a torn write

    assertThat(cache.get(PAGE_1)).isNull();
    assertThat(file).doesNotExist();
  }

  @Test
  void shouldIgnoreGarbageAndEntriesForAnotherUrl() throws IOException {
    DirectoryEtagCache cache = new DirectoryEtagCache(dir);
    cache.put(PAGE_2, ENTRY);
    Files.copy(cache.file(PAGE_2), cache.file(PAGE_1)); // right format, wrong URL
    Files.writeString(cache.file(PAGE_2), "not a cache entry");

    assertThat(cache.get(PAGE_1)).isNull();
    assertThat(cache.get(PAGE_2)).isNull();
  }

  @Test
  void shouldIgnoreWriteFailures() throws IOException {
    Path notADirectory = Files.writeString(dir.resolve("file"), "x");
    DirectoryEtagCache cache = new DirectoryEtagCache(notADirectory);

    cache.put(PAGE_1, ENTRY);

    assertThat(cache.get(PAGE_1)).isNull();
  }

  @Test
  void shouldPlaceDefaultDirectoryUnderXdgCacheHome() {
    Path home = Path.of("/home/u");

    assertThat(DirectoryEtagCache.defaultDir(java.util.Map.of("XDG_CACHE_HOME", "/c"), home))
        .isEqualTo(Path.of("/c/cvefeed/github"));
    assertThat(DirectoryEtagCache.defaultDir(java.util.Map.of(), home))
        .isEqualTo(Path.of("/home/u/.cache/cvefeed/github"));
    assertThat(DirectoryEtagCache.defaultDir(java.util.Map.of("XDG_CACHE_HOME", "rel"), home))
        .isEqualTo(Path.of("/home/u/.cache/cvefeed/github"));
  }
}
