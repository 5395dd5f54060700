package io.k8s.cvefeed.cverecord;

import io.k8s.cvefeed.files.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * CVE records on disk, one file per id ({@code CVE-2019-11244.record}): a short text header, then
 * the body exactly as the API answered it.
 *
 * <pre>
 * cvefeed-cve-record 1
 * fetched: 2026-12-04T13:00:00Z
 * found: true          (false: the API answered 404)
 * etag: "…"            (optional)
 * last-modified: …     (optional)
 *
 * [...body bytes...]
 * </pre>
 *
 * Written to a temporary file and renamed; an entry that does not read is treated as absent.
 */
final class RecordCache {
  private static final String MAGIC = "cvefeed-cve-record 1";
  private static final Pattern ID = Pattern.compile("CVE-\\d{4}-\\d{4,}");

  private final Path dir;

  /** The file beside the records that lists the ids the last lookup asked for. */
  private static final String IDS = "ids";

  RecordCache(Path dir) {
    this.dir = dir;
  }

  /**
   * One cached answer.
   *
   * @param found false when the API said 404 (no record yet); the body is then empty
   */
  record Entry(
      Instant fetched,
      boolean found,
      @Nullable String etag,
      @Nullable String lastModified,
      byte[] body) {
    Entry refreshed(Instant at) {
      return new Entry(at, found, etag, lastModified, body);
    }
  }

  @Nullable Entry get(String id) {
    if (!ID.matcher(id).matches()) {
      return null;
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file(id));
    } catch (IOException e) {
      return null;
    }
    int split = indexOf(bytes);
    if (split < 0) {
      return null;
    }
    String[] lines = new String(bytes, 0, split, StandardCharsets.UTF_8).split("\n", -1);
    if (lines.length < 3 || !lines[0].equals(MAGIC)) {
      return null;
    }
    Instant fetched = null;
    Boolean found = null;
    String etag = null;
    String lastModified = null;
    try {
      for (String line : lines) {
        int colon = line.indexOf(": ");
        if (colon < 0) {
          continue;
        }
        String value = line.substring(colon + 2);
        switch (line.substring(0, colon)) {
          case "fetched" -> fetched = Instant.parse(value);
          case "found" -> found = Boolean.parseBoolean(value);
          case "etag" -> etag = value;
          case "last-modified" -> lastModified = value;
          default -> {}
        }
      }
    } catch (DateTimeParseException e) {
      return null;
    }
    if (fetched == null || found == null) {
      return null;
    }
    byte[] body = Arrays.copyOfRange(bytes, split + 2, bytes.length);
    return new Entry(fetched, found, etag, lastModified, body);
  }

  /** Stores {@code entry}; a failure to write only means the record is fetched again. */
  void put(String id, Entry entry) {
    if (!ID.matcher(id).matches()) {
      return;
    }
    StringBuilder header = new StringBuilder(MAGIC).append('\n');
    header.append("fetched: ").append(entry.fetched()).append('\n');
    header.append("found: ").append(entry.found()).append('\n');
    if (entry.etag() != null) {
      header.append("etag: ").append(entry.etag()).append('\n');
    }
    if (entry.lastModified() != null) {
      header.append("last-modified: ").append(entry.lastModified()).append('\n');
    }
    header.append('\n');
    byte[] head = header.toString().getBytes(StandardCharsets.UTF_8);
    byte[] all = Arrays.copyOf(head, head.length + entry.body().length);
    System.arraycopy(entry.body(), 0, all, head.length, entry.body().length);
    try {
      Files.createDirectories(dir);
      AtomicFile.write(file(id), all);
    } catch (IOException e) {
      // Not cached: the next refresh asks again.
    }
  }

  /**
   * Remembers the ids the last lookup asked for, with their issues' {@code updated_at}, so that a
   * later process can tell whether any of them is due without knowing the feed.
   */
  void putIds(Map<String, Instant> updatedById) {
    StringBuilder s = new StringBuilder();
    new TreeMap<>(updatedById)
        .forEach((id, at) -> s.append(id).append(' ').append(at).append('\n'));
    try {
      Files.createDirectories(dir);
      AtomicFile.write(dir.resolve(IDS), s.toString().getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      // Not remembered: the next refresh runs in full.
    }
  }

  /** What {@link #putIds} remembered, or {@code null} when nothing readable was. */
  @Nullable Map<String, Instant> ids() {
    try {
      Map<String, Instant> out = new TreeMap<>();
      for (String line : Files.readAllLines(dir.resolve(IDS), StandardCharsets.UTF_8)) {
        String[] parts = line.split(" ", 2);
        if (parts.length != 2 || !ID.matcher(parts[0]).matches()) {
          return null;
        }
        out.put(parts[0], Instant.parse(parts[1]));
      }
      return out;
    } catch (IOException | DateTimeParseException e) {
      return null;
    }
  }

  private Path file(String id) {
    return dir.resolve(id + ".record");
  }

  /** The index of the blank line ending the header: {@code \n\n}. */
  private static int indexOf(byte[] bytes) {
    for (int i = 0; i + 1 < bytes.length; i++) {
      if (bytes[i] == '\n' && bytes[i + 1] == '\n') {
        return i;
      }
    }
    return -1;
  }
}
