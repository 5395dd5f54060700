package io.k8s.cvefeed.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A zip whose bytes depend only on its entries: entries in the given order (callers sort them),
 * every entry dated 1980-01-01 00:00 (the DOS epoch, written as local time so the time zone does
 * not matter), no extra fields, one fixed compression level. The fastest level is used: it costs a
 * few per cent more bytes and much less time than the default (docs/benchmarks.md).
 */
final class DeterministicZip {
  private static final LocalDateTime EPOCH = LocalDateTime.of(1980, 1, 1, 0, 0);

  private DeterministicZip() {}

  /** Zips the artifacts, each named by its path without {@code prefix}. */
  static byte[] of(List<Artifact> entries, String prefix) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.setLevel(Deflater.BEST_SPEED);
      for (Artifact a : entries) {
        String name = a.path().startsWith(prefix) ? a.path().substring(prefix.length()) : a.path();
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(EPOCH);
        zip.putNextEntry(entry);
        a.writeTo(zip);
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("osv/all.zip: cannot write to memory", e);
    }
    return bytes.toByteArray();
  }
}
