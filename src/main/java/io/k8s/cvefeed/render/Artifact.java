package io.k8s.cvefeed.render;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
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
  private volatile @Nullable String sha256;

  /**
   * @param path relative path with {@code /} separators, e.g. {@code osv/CVE-2023-2727.json}
   * @param mediaType the {@code Content-Type} to serve it with
   * @param bytes the content (copied)
   */
  public Artifact(String path, String mediaType, byte[] bytes) {
    this(path, mediaType, bytes.clone(), bytes.length);
  }

  private Artifact(String path, String mediaType, byte[] bytes, int length) {
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
    return Arrays.copyOf(bytes, length);
  }

  /** The content, read-only and without a copy: for writing large files. */
  public ByteBuffer buffer() {
    return ByteBuffer.wrap(bytes, 0, length).slice().asReadOnlyBuffer();
  }

  /** Writes the content without copying it first. */
  public void writeTo(OutputStream out) throws IOException {
    out.write(bytes, 0, length);
  }

  public int size() {
    return length;
  }

  /** Lower-case hex SHA-256 of the content, computed once. */
  public String sha256() {
    String s = sha256;
    if (s == null) {
      s = sha256Hex(bytes, length);
      sha256 = s;
    }
    return s;
  }

  public static String sha256Hex(byte[] data) {
    return sha256Hex(data, data.length);
  }

  private static String sha256Hex(byte[] data, int length) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(data, 0, length);
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
  }

  /**
   * This artifact with {@code replacement} written over the bytes at {@code offset}: a copy, this
   * one is unchanged. For a time stamp at a known place in a large file.
   */
  Artifact patched(int offset, byte[] replacement) {
    if (offset < 0 || offset + replacement.length > length) {
      throw new IllegalArgumentException(path + ": patch outside the content");
    }
    byte[] copy = Arrays.copyOf(bytes, length);
    System.arraycopy(replacement, 0, copy, offset, replacement.length);
    return owning(path, mediaType, copy, length);
  }

  /** The byte at {@code index}. */
  byte byteAt(int index) {
    if (index < 0 || index >= length) {
      throw new IndexOutOfBoundsException(index);
    }
    return bytes[index];
  }

  /** Where {@code needle} first occurs in the content, or -1. */
  int indexOf(byte[] needle) {
    outer:
    for (int i = 0, last = length - needle.length; i <= last; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (bytes[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Artifact a
        && path.equals(a.path)
        && mediaType.equals(a.mediaType)
        && Arrays.equals(bytes, 0, length, a.bytes, 0, a.length);
  }

  @Override
  public int hashCode() {
    int h = 1;
    for (int i = 0; i < length; i++) {
      h = 31 * h + bytes[i];
    }
    return path.hashCode() * 31 + h;
  }

  @Override
  public String toString() {
    return "Artifact[" + path + ", " + mediaType + ", " + length + " bytes]";
  }
}
