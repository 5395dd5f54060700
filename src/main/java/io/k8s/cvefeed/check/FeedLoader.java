package io.k8s.cvefeed.check;

import io.k8s.cvefeed.net.NetworkFailure;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Finds and reads what {@code --feed} names: an {@code osv/} directory of records, a directory
 * holding one (the published site), a ZIP of records ({@code osv/all.zip}), a single record, or a
 * JSON Feed carrying ranges; each as a path or an {@code http(s)} URL. A site URL ending in {@code
 * /} is read as {@code <url>osv/all.zip}.
 */
public final class FeedLoader {
  static final String OSV_DIR = "osv";
  static final String ALL_ZIP = "all.zip";
  static final String JSON_FEED = "official-cve-feed.json";
  static final long MAX_BYTES = 64L << 20;
  private static final Pattern RECORD_NAME =
      Pattern.compile("[A-Z][A-Z0-9]*-[A-Za-z0-9._-]+\\.json");
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private FeedLoader() {}

  /** Reads every vulnerability {@code feed} holds; fails when it holds none or cannot be read. */
  public static List<Vulnerability> load(String feed)
      throws CheckInputException, InterruptedException {
    List<Vulnerability> out;
    if (feed.startsWith("http://") || feed.startsWith("https://")) {
      String url = feed.endsWith("/") ? feed + OSV_DIR + "/" + ALL_ZIP : feed;
      out = bytes(fetch(url), url);
    } else {
      out = path(Path.of(feed));
    }
    if (out.isEmpty()) {
      throw new CheckInputException(feed + ": holds no OSV records or feed items");
    }
    return out;
  }

  private static List<Vulnerability> path(Path p) throws CheckInputException {
    if (Files.isDirectory(p.resolve(OSV_DIR))) {
      return directory(p.resolve(OSV_DIR));
    }
    if (Files.isDirectory(p)) {
      if (hasJsonRecords(p)) {
        return directory(p);
      }
      for (String name : List.of(ALL_ZIP, JSON_FEED)) {
        if (Files.isRegularFile(p.resolve(name))) {
          return path(p.resolve(name));
        }
      }
      throw new CheckInputException(
          p + ": no osv/ directory, OSV records, " + ALL_ZIP + " or " + JSON_FEED + " in it");
    }
    if (!Files.isRegularFile(p)) {
      throw new CheckInputException(p + ": no such file or directory");
    }
    return bytes(read(p), p.toString());
  }

  private static boolean hasJsonRecords(Path dir) throws CheckInputException {
    return !jsonFiles(dir).isEmpty();
  }

  /** Every file named like a record, {@code CVE-2024-1234.json} or {@code GHSA-….json}. */
  private static List<Path> jsonFiles(Path dir) throws CheckInputException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(".json"))
          .filter(
              f ->
                  !List.of(JSON_FEED, "changes.json", "manifest.json")
                      .contains(f.getFileName().toString()))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new CheckInputException(dir + ": cannot list (" + e.getMessage() + ")", e);
    }
  }

  private static List<Vulnerability> directory(Path dir) throws CheckInputException {
    List<Path> files = jsonFiles(dir);
    if (files.isEmpty() && Files.isRegularFile(dir.resolve(ALL_ZIP))) {
      return path(dir.resolve(ALL_ZIP));
    }
    List<Vulnerability> out = new ArrayList<>();
    for (Path f : files) {
      out.addAll(bytes(read(f), f.toString()));
    }
    return out;
  }

  private static List<Vulnerability> bytes(byte[] data, String subject) throws CheckInputException {
    if (data.length > 1 && data[0] == 'P' && data[1] == 'K') {
      return zip(data, subject);
    }
    var root = OsvReader.tree(data, subject);
    return switch (OsvReader.kind(root)) {
      case JSON_FEED -> OsvReader.feed(root, subject);
      case OSV_RECORD -> {
        Vulnerability v = OsvReader.record(root, subject);
        yield v == null ? List.of() : List.of(v);
      }
      case OTHER ->
          throw new CheckInputException(subject + ": neither an OSV record nor a JSON Feed");
    };
  }

  private static List<Vulnerability> zip(byte[] data, String subject) throws CheckInputException {
    List<Vulnerability> out = new ArrayList<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(data))) {
      long total = 0;
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (e.isDirectory() || !e.getName().toLowerCase(Locale.ROOT).endsWith(".json")) {
          continue;
        }
        byte[] entry = in.readNBytes((int) (MAX_BYTES - total + 1));
        total += entry.length;
        if (total > MAX_BYTES) {
          throw new CheckInputException(subject + ": unpacks to more than " + MAX_BYTES + " bytes");
        }
        out.addAll(bytes(entry, subject + "!" + e.getName()));
      }
    } catch (IOException e) {
      throw new CheckInputException(subject + ": not a readable ZIP (" + e.getMessage() + ")", e);
    }
    return out;
  }

  private static byte[] read(Path file) throws CheckInputException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] data = in.readNBytes((int) MAX_BYTES + 1);
      if (data.length > MAX_BYTES) {
        throw new CheckInputException(file + ": larger than " + MAX_BYTES + " bytes");
      }
      return data;
    } catch (IOException e) {
      throw new CheckInputException(file + ": cannot read (" + e.getMessage() + ")", e);
    }
  }

  private static byte[] fetch(String url) throws CheckInputException, InterruptedException {
    HttpClient client =
        HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    try {
      HttpResponse<byte[]> r =
          client.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build(),
              HttpResponse.BodyHandlers.ofByteArray());
      if (r.statusCode() != 200) {
        throw new CheckInputException(url + ": HTTP " + r.statusCode() + "; check the feed URL");
      }
      if (r.body().length > MAX_BYTES) {
        throw new CheckInputException(url + ": larger than " + MAX_BYTES + " bytes");
      }
      return r.body();
    } catch (IOException e) {
      throw new CheckInputException(
          url
              + ": cannot fetch: "
              + NetworkFailure.of(URI.create(url), e).text()
              + "; check the --feed URL",
          e);
    } catch (IllegalArgumentException e) {
      throw new CheckInputException(url + ": cannot fetch (" + describe(e) + ")", e);
    }
  }

  private static String describe(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
