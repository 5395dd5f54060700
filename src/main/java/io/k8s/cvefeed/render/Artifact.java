package io.k8s.cvefeed.render;

import java.io.IOException;
import java.io.InputStream;
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
  /** The most a single channel write hands the JDK, which copies it into a direct buffer. */
  private static final int WRITE_CHUNK = 1 << 20;

  private static final int READ_CHUNK = 1 << 16;

  private final String path;
  private final String mediaType;
  private final byte[] bytes;
  private volatile @Nullable String sha256;

  /**
   * @param path relative path with {@code /} separators, e.g. {@code osv/CVE-2023-2727.json}
   * @param mediaType the {@code Content-Type} to serve it with
   * @param bytes the content (copied)
   */
  public Artifact(String path, String mediaType, byte[] bytes) {
    this(bytes.clone(), path, mediaType);
  }

  /** Takes {@code owned} as it is: the caller never touches it again. */
  private Artifact(byte[] owned, String path, String mediaType) {
    if (path.isEmpty() || path.startsWith("/") || path.contains("..") || path.contains("\\")) {
      throw new IllegalArgumentException("artifact path must be relative and plain: " + path);
    }
    this.path = path;
    this.mediaType = mediaType;
    this.bytes = owned;
  }

  /**
   * An artifact over {@code bytes} without a copy: the caller hands the array over and never
   * touches it again. For renderers, whose output can be tens of megabytes.
   */
  static Artifact owning(String path, String mediaType, byte[] bytes) {
    return new Artifact(bytes, path, mediaType);
  }

  public static Artifact utf8(String path, String mediaType, String text) {
    return owning(path, mediaType, text.getBytes(StandardCharsets.UTF_8));
  }

  public String path() {
    return path;
  }

  public String mediaType() {
    return mediaType;
  }

  /** A copy of the content. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** Writes the content without copying it first. */
  public void writeTo(OutputStream out) throws IOException {
    out.write(bytes);
  }

  /**
   * Writes the content to {@code channel} a megabyte at a time: the JDK copies each heap buffer
   * handed to a channel into a direct buffer of the same size and keeps it for the thread's life.
   */
  public void writeTo(WritableByteChannel channel) throws IOException {
    for (int at = 0; at < bytes.length; at += WRITE_CHUNK) {
      ByteBuffer chunk = ByteBuffer.wrap(bytes, at, Math.min(WRITE_CHUNK, bytes.length - at));
      while (chunk.hasRemaining()) {
        channel.write(chunk);
      }
    }
  }

  public int size() {
    return bytes.length;
  }

  /**
   * Whether {@code in} holds exactly this content, read a chunk at a time: a byte comparison, which
   * costs far less than hashing what was read.
   */
  public boolean sameContent(InputStream in) throws IOException {
    byte[] chunk = new byte[READ_CHUNK];
    int at = 0;
    for (int n; (n = in.readNBytes(chunk, 0, chunk.length)) > 0; at += n) {
      if (n > bytes.length - at || Arrays.mismatch(chunk, 0, n, bytes, at, at + n) >= 0) {
        return false;
      }
    }
    return at == bytes.length;
  }

  /** Lower-case hex SHA-256 of the content, computed once. */
  public String sha256() {
    String s = sha256;
    if (s == null) {
      s = sha256Hex(bytes);
      sha256 = s;
    }
    return s;
  }

  public static String sha256Hex(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Artifact a
        && path.equals(a.path)
        && mediaType.equals(a.mediaType)
        && Arrays.equals(bytes, a.bytes);
  }

  @Override
  public int hashCode() {
    return path.hashCode() * 31 + Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "Artifact[" + path + ", " + mediaType + ", " + bytes.length + " bytes]";
  }
}
