package io.k8s.cvefeed.integrity;

import io.k8s.cvefeed.files.PublishedDirectory;
import io.k8s.cvefeed.net.NetworkFailure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** Reads the files of a published release by relative path, from a directory or a URL. */
public interface ReleaseReader {
  /** The bytes of {@code path}; throws when it is missing or cannot be read. */
  byte[] read(String path) throws IOException, InterruptedException;

  /** Where {@code path} is read from, for messages. */
  String where(String path);

  /**
   * Reads from a local directory, e.g. what {@code refresh --out DIR} wrote: from the release it
   * publishes at the first read (its {@code .current} link is resolved once), so every file read
   * belongs to one release even while a refresh switches to the next.
   */
  static ReleaseReader directory(Path dir) {
    return new ReleaseReader() {
      private @Nullable Path root;

      private Path root() throws IOException {
        Path r = root;
        if (r == null) {
          r = PublishedDirectory.currentRoot(dir);
          root = r;
        }
        return r;
      }

      @Override
      public byte[] read(String path) throws IOException {
        return Files.readAllBytes(root().resolve(path));
      }

      @Override
      public String where(String path) {
        return dir.resolve(path).toString();
      }
    };
  }

  /** Reads over HTTP(S) below {@code base}, e.g. {@code https://example.com/feed/}. */
  static ReleaseReader url(URI base) {
    String root = base.toString().endsWith("/") ? base.toString() : base + "/";
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    return new ReleaseReader() {
      @Override
      public byte[] read(String path) throws IOException, InterruptedException {
        URI uri = URI.create(root + path);
        HttpRequest request =
            HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(60))
                .header("User-Agent", "cvefeed-verify")
                .GET()
                .build();
        HttpResponse<byte[]> response;
        try {
          response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
          throw new IOException(NetworkFailure.of(uri, e).text() + "; check the release URL", e);
        }
        if (response.statusCode() != 200) {
          throw new IOException("HTTP " + response.statusCode());
        }
        return response.body();
      }

      @Override
      public String where(String path) {
        return root + path;
      }
    };
  }
}
