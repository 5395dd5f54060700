package io.k8s.cvefeed.render;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * One published file: a relative path, the {@code Content-Type} to serve it with, and its bytes.
 * Immutable; its SHA-256 is computed once, on first use (a release asks for it several times: the
 * content digest, the manifest, the publish plan).
 */
public final class Artifact {
  private final String path;
  private final String mediaType;

  /**
   * The content is {@code bytes[0..length)}. Renderers hand over their output buffer as it is: a 45
   * MB feed is neither trimmed nor copied on the way in.
   */
  private final byte[] bytes;

  private final int length;

  /**
   * Bytes that stand in for {@code bytes[patchAt..patchAt + patch.length)}, or {@code null}: a
   * restamped feed shares the digest render's buffer and differs only in its time stamp.
   */
  private final byte @Nullable [] patch;

  private final int patchAt;

  private volatile @Nullable String sha256;

  /** The most a single channel write hands the JDK, which copies it into a direct buffer. */
  private static final int WRITE_CHUNK = 1 << 20;

  /**
   * @param path relative path with {@code /} separators, e.g. {@code osv/CVE-2023-2727.json}
   * @param mediaType the {@code Content-Type} to serve it with
   * @param bytes the content (copied)
   */
  public Artifact(String path, String mediaType, byte[] bytes) {
    this(path, mediaType, bytes.clone(), bytes.length);
  }

  private Artifact(String path, String mediaType, byte[] bytes, int length) {
    this(path, mediaType, bytes, length, null, 0);
  }

  private Artifact(
      String path,
      String mediaType,
      byte[] bytes,
      int length,
      byte @Nullable [] patch,
      int patchAt) {
    if (path.isEmpty() || path.startsWith("/") || path.contains("..") || path.contains("\\")) {
      throw new IllegalArgumentException("artifact path must be relative and plain: " + path);
    }
    if (length < 0 || length > bytes.length) {
      throw new IllegalArgumentException(path + ": length " + length + " outside the buffer");
    }
    this.path = path;
    this.mediaType = mediaType;
    this.bytes = bytes;
    this.length = length;
    this.patch = patch;
    this.patchAt = patchAt;
  }

  /**
   * An artifact over {@code buffer[0..length)} without a copy: the caller hands the buffer over and
   * never touches it again. For renderers, whose output can be tens of megabytes.
   */
  static Artifact owning(String path, String mediaType, byte[] buffer, int length) {
    return new Artifact(path, mediaType, buffer, length);
  }

  public static Artifact utf8(String path, String mediaType, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return owning(path, mediaType, bytes, bytes.length);
  }

  public String path() {
    return path;
  }

  public String mediaType() {
    return mediaType;
  }

  /** A copy of the content. */
  public byte[] bytes() {
    byte[] copy = Arrays.copyOf(bytes, length);
    byte[] p = patch;
    if (p != null) {
      System.arraycopy(p, 0, copy, patchAt, p.length);
    }
    return copy;
  }

  /** Writes the content without copying it first. */
  public void writeTo(OutputStream out) throws IOException {
    byte[] p = patch;
    if (p == null) {
      out.write(bytes, 0, length);
      return;
    }
    out.write(bytes, 0, patchAt);
    out.write(p);
    out.write(bytes, patchAt + p.length, length - patchAt - p.length);
  }

  /**
   * Writes the content to {@code channel} a megabyte at a time: the JDK copies each heap buffer
   * handed to a channel into a direct buffer of the same size and keeps it, which for a 45 MB feed
   * would be 45 MB of native memory for the rest of the run.
   */
  public void writeTo(WritableByteChannel channel) throws IOException {
    byte[] p = patch;
    if (p == null) {
      write(channel, bytes, 0, length);
      return;
    }
    write(channel, bytes, 0, patchAt);
    write(channel, p, 0, p.length);
    write(channel, bytes, patchAt + p.length, length);
  }

  /** Writes {@code data[from..to)}. */
  private static void write(WritableByteChannel channel, byte[] data, int from, int to)
      throws IOException {
    for (int at = from; at < to; at += WRITE_CHUNK) {
      ByteBuffer chunk = ByteBuffer.wrap(data, at, Math.min(WRITE_CHUNK, to - at));
      while (chunk.hasRemaining()) {
        channel.write(chunk);
      }
    }
  }

  public int size() {
    return length;
  }

  /** The bytes this artifact keeps alive: its buffer and its patch. */
  int retained() {
    byte[] p = patch;
    return bytes.length + (p == null ? 0 : p.length);
  }

  /** Lower-case hex SHA-256 of the content, computed once. */
  public String sha256() {
    String s = sha256;
    if (s == null) {
      MessageDigest sha = newSha256();
      byte[] p = patch;
      if (p == null) {
        sha.update(bytes, 0, length);
      } else {
        sha.update(bytes, 0, patchAt);
        sha.update(p);
        sha.update(bytes, patchAt + p.length, length - patchAt - p.length);
      }
      s = HexFormat.of().formatHex(sha.digest());
      sha256 = s;
    }
    return s;
  }

  public static String sha256Hex(byte[] data) {
    return HexFormat.of().formatHex(newSha256().digest(data));
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
  }

  /**
   * This artifact with {@code replacement} over the bytes at {@code offset}; this one is unchanged.
   * The two share the buffer: for a time stamp at a known place in a large file, patching costs
   * neither a render nor a copy.
   */
  Artifact patched(int offset, byte[] replacement) {
    if (offset < 0 || offset + replacement.length > length) {
      throw new IllegalArgumentException(path + ": patch outside the content");
    }
    if (patch != null) { // never needed twice; keep the representation to one patch
      byte[] copy = bytes();
      System.arraycopy(replacement, 0, copy, offset, replacement.length);
      return owning(path, mediaType, copy, length);
    }
    return new Artifact(path, mediaType, bytes, length, replacement.clone(), offset);
  }

  /** The byte at {@code index}. */
  byte byteAt(int index) {
    if (index < 0 || index >= length) {
      throw new IndexOutOfBoundsException(index);
    }
    byte[] p = patch;
    return p != null && index >= patchAt && index < patchAt + p.length
        ? p[index - patchAt]
        : bytes[index];
  }

  /** Where {@code needle} first occurs in the content, or -1. */
  int indexOf(byte[] needle) {
    outer:
    for (int i = 0, last = length - needle.length; i <= last; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (byteAt(i + j) != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof Artifact a)
        || !path.equals(a.path)
        || !mediaType.equals(a.mediaType)
        || length != a.length) {
      return false;
    }
    if (patch == null && a.patch == null) {
      return Arrays.equals(bytes, 0, length, a.bytes, 0, a.length);
    }
    return Arrays.equals(bytes(), a.bytes());
  }

  @Override
  public int hashCode() {
    int h = 1;
    for (int i = 0; i < length; i++) {
      h = 31 * h + byteAt(i);
    }
    return path.hashCode() * 31 + h;
  }

  @Override
  public String toString() {
    return "Artifact[" + path + ", " + mediaType + ", " + length + " bytes]";
  }
}
