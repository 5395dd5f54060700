package io.k8s.cvefeed.server;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Maps a raw request path to a path inside the artifact directory. Anything that could leave the
 * directory or reach a hidden (temporary) file maps to nothing: dot segments, encoded slashes or
 * backslashes, empty segments, NUL, names starting with a dot.
 */
final class RequestPaths {
  static final String INDEX = "index.html";

  private RequestPaths() {}

  /**
   * The relative file path for {@code rawPath} ({@code /osv/CVE-1.json} → {@code osv/CVE-1.json},
   * {@code /} → {@code index.html}), or {@code null} when it must be refused.
   */
  static @Nullable String relative(String rawPath) {
    if (rawPath.equals("/")) {
      return INDEX;
    }
    if (!rawPath.startsWith("/") || rawPath.length() > 1024) {
      return null;
    }
    String decoded = decode(rawPath.substring(1));
    if (decoded == null || decoded.isEmpty()) {
      return null;
    }
    for (String segment : decoded.split("/", -1)) {
      if (!plain(segment)) {
        return null;
      }
    }
    return decoded;
  }

  private static boolean plain(String segment) {
    if (segment.isEmpty() || segment.startsWith(".")) {
      return false;
    }
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      if (c == '\\' || c == ':' || Character.isISOControl(c)) {
        return false;
      }
    }
    return true;
  }

  /** Percent-decodes UTF-8; refuses malformed escapes and encoded {@code /}. */
  private static @Nullable String decode(String raw) {
    if (raw.indexOf('%') < 0) {
      return raw;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c != '%') {
        if (c > 0x7f) {
          return null;
        }
        out.write(c);
        continue;
      }
      if (i + 2 >= raw.length()) {
        return null;
      }
      int hi = Character.digit(raw.charAt(i + 1), 16);
      int lo = Character.digit(raw.charAt(i + 2), 16);
      if (hi < 0 || lo < 0 || (hi << 4 | lo) == '/') {
        return null;
      }
      out.write(hi << 4 | lo);
      i += 2;
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(out.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
