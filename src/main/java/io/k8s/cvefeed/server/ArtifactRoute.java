package io.k8s.cvefeed.server;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET}/{@code HEAD} of the published files, with validators ({@code ETag}, {@code
 * Last-Modified}), conditional requests, gzip and cache headers.
 */
final class ArtifactRoute {
  static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
          .withZone(ZoneOffset.UTC);
  static final String CACHE_CONTROL = "public, max-age=300";

  /** Names the release a file was read from (a {@code .releases/} directory, ADR 009). */
  static final String RELEASE_HEADER = "X-Cvefeed-Release";

  private final ArtifactFiles files;

  ArtifactRoute(ArtifactFiles files) {
    this.files = files;
  }

  /**
   * Whether a request for {@code rawPath} can be answered from memory, so on the I/O thread: the
   * file is cached and its version was checked moments ago. Paths that will be refused count too.
   */
  boolean answersFromMemory(String rawPath) {
    String relative = RequestPaths.relative(rawPath);
    return relative == null || files.inMemory(relative);
  }

  Reply serve(Request exchange) throws IOException {
    String relative = RequestPaths.relative(exchange.rawPath());
    if (relative == null) {
      return Reply.text(exchange, 404, "not found").refused("path outside the artifact set");
    }
    ArtifactFiles.Entry entry = files.get(relative);
    if (entry == null) {
      return Reply.text(exchange, 404, "not found");
    }
    boolean gzip = entry.gzip() != null && acceptsGzip(exchange.header("Accept-Encoding"));
    exchange.setHeader("ETag", gzip ? entry.gzipEtag() : entry.etag());
    exchange.setHeader("Last-Modified", entry.lastModified());
    exchange.setHeader("Cache-Control", CACHE_CONTROL);
    exchange.setHeader("X-Content-Type-Options", "nosniff");
    if (entry.release() != null) {
      exchange.setHeader(RELEASE_HEADER, entry.release());
    }
    if (ContentTypes.crossOrigin(entry.contentType())) {
      exchange.setHeader("Access-Control-Allow-Origin", "*");
    }
    if (entry.gzip() != null) {
      exchange.setHeader("Vary", "Accept-Encoding");
    }
    if (notModified(exchange, entry)) {
      return Reply.empty(304);
    }
    exchange.setHeader("Content-Type", entry.contentType());
    byte[] gzipped = entry.gzip();
    if (gzip && gzipped != null) {
      exchange.setHeader("Content-Encoding", "gzip");
      return new Reply(200, gzipped, null);
    }
    return new Reply(200, entry.bytes(), null);
  }

  /**
   * RFC 9110 §13.2.2: {@code If-None-Match} decides when present, else {@code If-Modified-Since}.
   */
  static boolean notModified(Request request, ArtifactFiles.Entry entry) {
    String noneMatch = request.header("If-None-Match");
    if (noneMatch != null) {
      for (String tag : noneMatch.split(",")) {
        String t = tag.trim();
        if (t.startsWith("W/")) {
          t = t.substring(2);
        }
        if (t.equals("*") || t.equals(entry.etag()) || t.equals(entry.gzipEtag())) {
          return true;
        }
      }
      return false;
    }
    String since = request.header("If-Modified-Since");
    if (since == null) {
      return false;
    }
    try {
      Instant at =
          ZonedDateTime.parse(since.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return entry.version().modifiedMillis() / 1000 <= at.getEpochSecond();
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  static boolean acceptsGzip(@Nullable String acceptEncoding) {
    if (acceptEncoding == null) {
      return false;
    }
    for (String part : acceptEncoding.split(",")) {
      String[] params = part.split(";");
      String coding = params[0].trim();
      if (coding.equalsIgnoreCase("gzip") || coding.equals("*")) {
        return quality(params) > 0;
      }
    }
    return false;
  }

  private static double quality(String[] params) {
    for (int i = 1; i < params.length; i++) {
      String p = params[i].trim();
      if (p.startsWith("q=") || p.startsWith("Q=")) {
        try {
          return Double.parseDouble(p.substring(2));
        } catch (NumberFormatException e) {
          return 0;
        }
      }
    }
    return 1;
  }
}
