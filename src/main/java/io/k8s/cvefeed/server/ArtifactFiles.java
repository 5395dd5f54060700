package io.k8s.cvefeed.server;

import io.k8s.cvefeed.files.PublishedDirectory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * The files of the artifact directory, each read whole and kept with its ETag and gzip form until
 * the file changes. Files are read from the release the directory's {@code .current} link names
 * (ADR 009), resolved once per {@link #RECHECK}, so every answer comes from one whole release even
 * while a refresh switches to the next; files that belong to no release ({@code status.json}) and a
 * directory written before releases existed are read from the directory itself. A changed
 * (modification time, size, file key) means a new version.
 */
final class ArtifactFiles {
  /** Which version of a file an entry holds. */
  record Version(long modifiedMillis, long size, @Nullable Object fileKey) {
    static Version of(BasicFileAttributes a) {
      return new Version(a.lastModifiedTime().toMillis(), a.size(), a.fileKey());
    }
  }

  /** One file version, ready to serve. */
  record Entry(
      Path file,
      Version version,
      String contentType,
      byte[] bytes,
      String lastModified,
      String etag,
      byte @Nullable [] gzip,
      String gzipEtag,
      AtomicLong checkedAt,
      @Nullable String release) {}

  /** The release directory resolved at {@code resolvedAt} ({@link System#nanoTime()}). */
  private record Base(Path dir, @Nullable String release, long resolvedAt) {}

  private static final int MAX_ATTEMPTS = 3;

  /**
   * How long a file's version is trusted before it is checked again: saves a {@code stat} per
   * request, and delays seeing a newly published version by at most this much.
   */
  static final Duration RECHECK = Duration.ofMillis(200);

  private final Path root;
  private final ConcurrentMap<String, Entry> cache = new ConcurrentHashMap<>();
  private volatile @Nullable Base base;

  private final long recheckNanos;

  ArtifactFiles(Path root, Duration recheck) {
    this.root = root.toAbsolutePath().normalize();
    this.recheckNanos = recheck.toNanos();
  }

  /**
   * Whether {@link #get} would answer for {@code relative} from memory, without touching the disk:
   * the file was read and its version checked less than the recheck interval ago.
   */
  boolean inMemory(String relative) {
    Entry cached = cache.get(relative);
    Base b = base;
    long now = System.nanoTime();
    return cached != null
        && b != null
        && now - b.resolvedAt() < recheckNanos
        && current(cached, b)
        && now - cached.checkedAt().get() < recheckNanos;
  }

  /** Whether {@code e} was read from the current release, or from beside every release. */
  private static boolean current(Entry e, Base b) {
    return e.release() == null || e.file().startsWith(b.dir());
  }

  /** The current release directory, resolved again after the recheck interval. */
  private Base base() {
    Base b = base;
    long now = System.nanoTime();
    if (b != null && now - b.resolvedAt() < recheckNanos) {
      return b;
    }
    Path dir = root;
    try {
      dir = PublishedDirectory.currentRoot(root);
    } catch (IOException e) {
      // unreadable link: serve the directory itself, as for a flat one
    }
    String release = dir.equals(root) ? null : String.valueOf(dir.getFileName());
    b = new Base(dir, release, now);
    base = b;
    return b;
  }

  /**
   * The current version of the file at a request path, or {@code null} when there is none to serve:
   * missing, not a regular file, hidden, or outside the directory.
   *
   * @param relative a path from {@link RequestPaths#relative(String)}
   */
  @Nullable Entry get(String relative) throws IOException {
    Base b = base();
    Entry cached = cache.get(relative);
    if (cached != null
        && current(cached, b)
        && System.nanoTime() - cached.checkedAt().get() < recheckNanos) {
      return cached;
    }
    Path file = b.dir().resolve(relative).normalize();
    String release = b.release();
    if (release != null && !Files.isRegularFile(file)) {
      file = root.resolve(relative).normalize(); // e.g. status.json, beside the releases
      release = null;
      if (Files.isSymbolicLink(file)) {
        cache.remove(relative);
        return null; // a link to a file the current release lacks
      }
    }
    if (cached != null && !cached.file().equals(file)) {
      cached = null;
    }
    Path chosen = file;
    String from = release;
    BasicFileAttributes attrs;
    try {
      attrs = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (IOException e) {
      cache.remove(relative);
      return null;
    }
    if (cached != null && cached.version().equals(Version.of(attrs))) {
      cached.checkedAt().set(System.nanoTime());
      return cached;
    }
    if (!attrs.isRegularFile() || !file.startsWith(root) || !insideRoot(file)) {
      cache.remove(relative);
      return null;
    }
    try {
      return cache.compute(
          relative,
          (k, old) -> fresh(old != null && old.file().equals(chosen) ? old : null, chosen, from));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private boolean insideRoot(Path file) throws IOException {
    try {
      return file.toRealPath().startsWith(root.toRealPath());
    } catch (IOException e) {
      return false;
    }
  }

  /** Reads the file unless {@code old} is still current; re-reads if it changes while reading. */
  private static Entry fresh(@Nullable Entry old, Path file, @Nullable String release) {
    try {
      for (int attempt = 1; ; attempt++) {
        Version before = Version.of(Files.readAttributes(file, BasicFileAttributes.class));
        if (old != null && old.version().equals(before)) {
          return old;
        }
        byte[] bytes = Files.readAllBytes(file);
        Version after = Version.of(Files.readAttributes(file, BasicFileAttributes.class));
        if ((before.equals(after) && after.size() == bytes.length) || attempt == MAX_ATTEMPTS) {
          return entry(file, after, bytes, release);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Entry entry(Path file, Version version, byte[] bytes, @Nullable String release)
      throws IOException {
    String contentType = ContentTypes.of(file.getFileName().toString());
    String hash = sha256(bytes);
    byte[] gzip = ContentTypes.compressible(contentType) ? gzip(bytes) : null;
    if (gzip != null && gzip.length >= bytes.length) {
      gzip = null;
    }
    return new Entry(
        file,
        version,
        contentType,
        bytes,
        ArtifactRoute.HTTP_DATE.format(java.time.Instant.ofEpochMilli(version.modifiedMillis())),
        '"' + hash + '"',
        gzip,
        '"' + hash + "-gzip\"",
        new AtomicLong(System.nanoTime()),
        release);
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
    try (GZIPOutputStream gz = new GZIPOutputStream(out, 64 * 1024)) {
      gz.write(bytes);
    }
    return out.toByteArray();
  }
}
