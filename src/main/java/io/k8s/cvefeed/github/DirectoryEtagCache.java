package io.k8s.cvefeed.github;

import io.k8s.cvefeed.files.AtomicFile;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32C;
import org.jspecify.annotations.Nullable;

/**
 * An {@link EtagCache} in a directory: one file per page URL, named by the sha256 of the URL (which
 * never holds the token). Each file is a short text header then the body:
 *
 * <pre>
 * cvefeed-etag-cache 1
 * url: https://api.github.com/repos/kubernetes/kubernetes/issues?...
 * etag: W/"4f1c..."
 * link: &lt;https://api.github.com/...&amp;page=2&gt;; rel="next", ...
 * crc32c: 1a2b3c4d   (of the body)
 *
 * [...body bytes...]
 * </pre>
 *
 * Files are written to a temporary file and renamed, so a reader never sees half an entry. An entry
 * whose header is malformed, whose URL differs or whose body does not match its CRC-32C is deleted
 * and treated as absent. Failures to read or write are ignored: the page is fetched again.
 */
public final class DirectoryEtagCache implements EtagCache {
  private static final String MAGIC = "cvefeed-etag-cache 1";
  private static final String SUFFIX = ".page";

  private final Path dir;

  public DirectoryEtagCache(Path dir) {
    this.dir = dir;
  }

  /**
   * The default cache directory: {@code $XDG_CACHE_HOME/cvefeed/github}, or {@code
   * ~/.cache/cvefeed/github} when {@code XDG_CACHE_HOME} is unset or not absolute.
   *
   * @param env the environment, e.g. {@code System.getenv()}
   * @param home the user's home, e.g. {@code Path.of(System.getProperty("user.home"))}
   */
  public static Path defaultDir(Map<String, String> env, Path home) {
    String xdg = env.get("XDG_CACHE_HOME");
    Path base =
        xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
            ? Path.of(xdg)
            : home.resolve(".cache");
    return base.resolve("cvefeed").resolve("github");
  }

  /** The directory holding the entries. */
  public Path dir() {
    return dir;
  }

  /** The file that holds the entry for {@code uri}. */
  Path file(URI uri) {
    return dir.resolve(
        HexFormat.of().formatHex(sha256(uri.toString().getBytes(StandardCharsets.UTF_8))) + SUFFIX);
  }

  @Override
  public @Nullable Entry get(URI uri) {
    Path file = file(uri);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      return null; // absent or unreadable: fetch in full
    }
    Entry entry = decode(uri, bytes);
    if (entry == null) {
      remove(uri);
    }
    return entry;
  }

  @Override
  public void put(URI uri, Entry entry) {
    try {
      Files.createDirectories(dir);
      AtomicFile.write(file(uri), encode(uri, entry));
    } catch (IOException e) {
      // The cache is an optimisation: the page is simply fetched in full next time.
    }
  }

  @Override
  public void remove(URI uri) {
    deleteQuietly(file(uri));
  }

  private static byte[] encode(URI uri, Entry entry) {
    String link = entry.link() == null ? "" : entry.link();
    String header =
        String.join(
            "\n",
            MAGIC,
            "url: " + uri,
            "etag: " + entry.etag(),
            "link: " + link,
            "crc32c: " + crc32c(entry.body()),
            "",
            "");
    byte[] head = header.getBytes(StandardCharsets.UTF_8);
    byte[] out = Arrays.copyOf(head, head.length + entry.body().length);
    System.arraycopy(entry.body(), 0, out, head.length, entry.body().length);
    return out;
  }

  private static @Nullable Entry decode(URI uri, byte[] bytes) {
    int end = headerEnd(bytes);
    if (end < 0) {
      return null;
    }
    String[] lines = new String(bytes, 0, end, StandardCharsets.UTF_8).split("\n", -1);
    if (lines.length != 5
        || !lines[0].equals(MAGIC)
        || !lines[1].equals("url: " + uri)
        || !lines[2].startsWith("etag: ")
        || !lines[3].startsWith("link: ")
        || !lines[4].startsWith("crc32c: ")) {
      return null;
    }
    byte[] body = Arrays.copyOfRange(bytes, end + 2, bytes.length);
    if (!lines[4].substring(8).equals(crc32c(body))) {
      return null;
    }
    String etag = lines[2].substring(6);
    String link = lines[3].substring(6);
    return etag.isEmpty() ? null : new Entry(etag, link.isEmpty() ? null : link, body);
  }

  /** Index of the blank line ending the header ({@code "\n\n"}), or -1. */
  private static int headerEnd(byte[] bytes) {
    int limit = Math.min(bytes.length - 1, 64 * 1024);
    for (int i = 0; i < limit; i++) {
      if (bytes[i] == '\n' && bytes[i + 1] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // Ignored: a stale entry is detected and dropped on the next read.
    }
  }

  /** A cheap check against damaged files (the rename already prevents torn writes). */
  private static String crc32c(byte[] bytes) {
    CRC32C crc = new CRC32C();
    crc.update(bytes);
    return String.format(Locale.ROOT, "%08x", crc.getValue());
  }

  static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
